/**
 * Client routes use Vietnamese paths, so they never collide with the API's own (English) paths
 * served by the same origin; the API falls back to index.html for exactly these prefixes
 * (CONSOLE_ROUTES in apps/api/src/console-static.ts).
 */
export const PATHS = {
  login: '/dang-nhap',
  inbox: '/viec-can-lam',
  dashboard: '/tong-quan',
  tasks: '/nhiem-vu',
  task: (id: string) => `/nhiem-vu/${id}`,
  dossiers: '/ho-so',
  dossier: (code: string) => `/ho-so/${encodeURIComponent(code)}`,
  plans: '/ke-hoach',
  plan: (id: string) => `/ke-hoach/${id}`,
  planImport: '/ke-hoach/nhap',
  inspections: '/kiem-tra',
  inspection: (id: string) => `/kiem-tra/${id}`,
  checklistTemplate: '/kiem-tra/danh-muc',
  reports: '/bao-cao',
  report: (id: string) => `/bao-cao/${id}`,
  par: '/chi-so-cchc',
  ranking: '/xep-hang',
  provinceWard: (wardId: string) => `/xep-hang/${wardId}`,
  provinceReport: (wardId: string, reportId: string) => `/xep-hang/${wardId}/bao-cao/${reportId}`,
  audit: '/nhat-ky',
  admin: '/quan-tri',
} as const;
