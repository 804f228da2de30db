/**
 * What a plan's target measures and how it is written: shared by the API (libs/targets) and the
 * console, which shows the same labels. The metrics' precise definitions are in the README,
 * "Targets".
 */
export const TARGET_METRICS = [
  'tasks_completed',
  'tasks_on_time',
  'dossiers_on_time',
  'apology_coverage',
  'units_self_inspected',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const TARGET_METRIC_LABELS: Record<TargetMetric, string> = {
  tasks_completed: 'Tỷ lệ nhiệm vụ của kế hoạch đã nghiệm thu',
  tasks_on_time: 'Tỷ lệ nhiệm vụ hoàn thành đúng hạn',
  dossiers_on_time: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn (QĐ 766)',
  apology_coverage: 'Tỷ lệ hồ sơ quá hạn có phiếu xin lỗi',
  units_self_inspected: 'Tỷ lệ đơn vị đã tự kiểm tra CCHC',
};

export const TARGET_UNITS = ['percent', 'count'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

export const TARGET_COMPARATORS = ['gte', 'eq', 'lte'] as const;
export type TargetComparator = (typeof TARGET_COMPARATORS)[number];

export const COMPARATOR_SIGNS: Record<TargetComparator, string> = { gte: '≥', eq: '=', lte: '≤' };

export const TARGET_SOURCES = ['computed', 'entered'] as const;
export type TargetSource = (typeof TARGET_SOURCES)[number];

export const TARGET_STATUSES = ['suggested', 'confirmed'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export type TargetVerdict = 'met' | 'not_met' | 'qualitative' | 'no_data';

export const TARGET_VERDICT_LABELS: Record<TargetVerdict, string> = {
  met: 'Đạt',
  not_met: 'Không đạt',
  qualitative: 'Chỉ tiêu định tính',
  no_data: 'Chưa có số liệu',
};
