/** One topic of an inspection checklist: a short code (stable in results and findings) and its title. */
export interface ChecklistTopic {
  code: string;
  title: string;
}

/**
 * The checklist shipped with the product (domain.md, "Reporting and inspection"); a ward that has
 * not written its own uses it, and a campaign keeps a copy of the list it was planned with.
 */
export const DEFAULT_CHECKLIST: readonly ChecklistTopic[] = [
  { code: 'NV_CAP_TREN', title: 'Thực hiện nhiệm vụ cấp trên giao' },
  { code: 'MOT_CUA', title: 'Hoạt động của Bộ phận một cửa' },
  { code: 'TTHC_NOI_BO', title: 'Thủ tục hành chính nội bộ' },
  { code: 'LIEN_THONG', title: 'Thủ tục hành chính liên thông' },
  { code: 'HAI_LONG', title: 'Mức độ hài lòng của người dân, tổ chức' },
  { code: 'PAKN', title: 'Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN)' },
  { code: 'DAN_CHU_CO_SO', title: 'Thực hiện dân chủ ở cơ sở' },
  { code: 'CONG_KHAI_NGAN_SACH', title: 'Công khai ngân sách' },
  { code: 'TIET_KIEM', title: 'Thực hành tiết kiệm, chống lãng phí' },
];

export interface ChecklistResultRow {
  topicCode: string;
  result: 'dat' | 'khong_dat';
  note: string | null;
}

/** Codes of `topics` that `results` leave without a result. */
export function uncheckedTopics(
  topics: readonly ChecklistTopic[],
  results: readonly ChecklistResultRow[] | null,
): string[] {
  const checked = new Set((results ?? []).map((row) => row.topicCode));
  return topics.filter((topic) => !checked.has(topic.code)).map((topic) => topic.code);
}
