import type { PlanImportPreview, PlanProblem, PlanSummary } from '../api/types';
import { apiFieldErrors } from '../common/field-errors';
import { formatIsoDate, formatNumber } from '../common/format';

/** The column each import problem names, as the coordinator reads it. */
export const PLAN_FIELD_LABELS: Record<string, string> = {
  ordinal: 'STT',
  content: 'Nội dung',
  leadUnit: 'Đơn vị chủ trì',
  coordinatingUnits: 'Đơn vị phối hợp',
  leader: 'Lãnh đạo phụ trách',
  product: 'Sản phẩm',
  requirement: 'Yêu cầu',
  deadline: 'Thời hạn',
  table: 'Bảng nhiệm vụ',
  number: 'Số kế hoạch',
  title: 'Tên kế hoạch',
  year: 'Năm',
  issueDate: 'Ngày ban hành',
};

export type ProblemLevel = 'error' | 'warning';

export interface RowProblem extends PlanProblem {
  level: ProblemLevel;
}

export interface SortedProblems {
  /**
   * Problems no task row shows, errors first: the plan's own (no row: its year, number, table)
   * and those of rows that are not tasks (the table's header, an area's row).
   */
  plan: RowProblem[];
  /** Problems by task row, errors first. */
  byRow: Map<number, RowProblem[]>;
}

/** Puts each warning and error beside the task row it names, so the preview can highlight it. */
export function sortProblems(
  errors: PlanProblem[],
  warnings: PlanProblem[],
  tasks: { sourceRow: number }[],
): SortedProblems {
  const all: RowProblem[] = [
    ...errors.map((problem) => ({ ...problem, level: 'error' as const })),
    ...warnings.map((problem) => ({ ...problem, level: 'warning' as const })),
  ];
  const taskRows = new Set(tasks.map((task) => task.sourceRow));
  const sorted: SortedProblems = { plan: [], byRow: new Map() };
  for (const problem of all) {
    if (problem.row === null || !taskRows.has(problem.row)) {
      sorted.plan.push(problem);
      continue;
    }
    const row = sorted.byRow.get(problem.row) ?? [];
    row.push(problem);
    sorted.byRow.set(problem.row, row);
  }
  return sorted;
}

/** "Dòng 12, Thời hạn: …" — where the problem is, then what it is. */
export function describeProblem(problem: PlanProblem): string {
  const where = [
    problem.row === null ? null : `Dòng ${problem.row}`,
    problem.field ? (PLAN_FIELD_LABELS[problem.field] ?? problem.field) : null,
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(', ')}: ${problem.message}` : problem.message;
}

/** The worst level among a row's problems, or null when the row is clean. */
export function rowLevel(problems: RowProblem[] | undefined): ProblemLevel | null {
  if (!problems || problems.length === 0) return null;
  return problems.some((problem) => problem.level === 'error') ? 'error' : 'warning';
}

/**
 * The kind the wizard preselects and why: an amended plan — the one picked, else the one the
 * preview matched the file to — keeps its own (changing it is a choice, shown in the diff); a
 * new one takes the kind its title suggests (the preview's `suggestedKind`).
 */
export function preselectedKind(
  preview: Pick<PlanImportPreview, 'suggestedKind' | 'matchedPlan'>,
  amended: Pick<PlanSummary, 'kind'> | undefined,
): PlanImportPreview['suggestedKind'] {
  const kept = amended ?? preview.matchedPlan;
  if (kept) return { kind: kept.kind, reason: 'loại của kế hoạch đang điều chỉnh' };
  return preview.suggestedKind;
}

const yearRefusal = (refusal: unknown) =>
  apiFieldErrors(refusal).find(({ name }) => name.join('.') === 'year');

export interface PlanYearState {
  /** What the field shows: what the coordinator typed, else the year the preview used. */
  value: string;
  /** Typed but not yet previewed: the plan shown is of another year, so it may not be committed. */
  unapplied: boolean;
  /**
   * Beside the field: asking for the preview of a year typed, else why the year cannot be used —
   * the API's refusal of the year sent (the range of years is the API's rule alone) or the
   * preview's "no year found" error.
   */
  status: { level: 'warning' | 'error'; message: string } | null;
}

/**
 * "Năm kế hoạch": optional while the document names its year, needed when the preview found
 * none; a year typed is sent with the preview (then with the commit) and wins over the document's.
 * `sent` is the year sent with the last preview, if any.
 */
export function planYearState(
  preview: Pick<PlanImportPreview, 'plan' | 'errors'> | undefined,
  refusal: unknown,
  sent: number | undefined,
  typed: string | undefined,
): PlanYearState {
  const previewed = preview?.plan.year == null ? '' : String(preview.plan.year);
  const value = typed ?? previewed;
  if (typed !== undefined && typed !== (sent === undefined ? previewed : String(sent)))
    return {
      value,
      unapplied: true,
      status: { level: 'warning', message: 'Bấm “Xem trước lại” để đọc kế hoạch với năm này.' },
    };
  const missing = preview?.errors.find((problem) => problem.field === 'year');
  const error = yearRefusal(refusal)?.errors.join(' ') ?? missing?.message;
  return { value, unapplied: false, status: error ? { level: 'error', message: error } : null };
}

/** Whether the API refused the year sent (the wizard shows why beside its field). */
export function refusesYear(refusal: unknown): boolean {
  return yearRefusal(refusal) !== undefined;
}

/** What the coordinator does about a preview's errors: a missing year is typed, the rest fixed in the file. */
export function howToFix(errors: PlanProblem[]): string {
  const steps = [
    errors.some((problem) => problem.field === 'year') &&
      'nhập Năm kế hoạch rồi bấm “Xem trước lại”',
    errors.some((problem) => problem.field !== 'year') && 'sửa các lỗi trong tệp rồi chọn lại tệp',
  ].filter(Boolean);
  const fix = steps.join('; ');
  return `${fix.charAt(0).toUpperCase()}${fix.slice(1)}: nhập kế hoạch khi còn lỗi sẽ không ghi gì.`;
}

type PreviewCounts = Pick<
  PlanImportPreview,
  'tasks' | 'areas' | 'warnings' | 'errors' | 'tasksToCreate' | 'matchedPlan'
>;

/**
 * The preview's summary: the table's task rows and what they become — a row led by a group of
 * units is a group task with one task per unit, so a plan of 22 rows may create 43 tasks — then
 * areas, warnings and errors. A preview with errors creates nothing, and an amendment (a plan
 * picked, or the one the file matched) only adds tasks: its diff comes next.
 */
export function previewSummary(preview: PreviewCounts, amending = false): string {
  const rows = `${formatNumber(preview.tasks.length)} dòng nhiệm vụ`;
  const becomes =
    preview.errors.length > 0
      ? rows
      : amending || preview.matchedPlan
        ? `${rows} (điều chỉnh kế hoạch đã nhập: xem thay đổi trước khi áp dụng)`
        : `${rows} → ${formatNumber(preview.tasksToCreate)} nhiệm vụ sẽ được tạo`;
  return [
    becomes,
    `${formatNumber(preview.areas.length)} lĩnh vực`,
    `${formatNumber(preview.warnings.length)} cảnh báo`,
    `${formatNumber(preview.errors.length)} lỗi`,
  ].join(', ');
}

/**
 * Said before importing when tasks would be overdue the moment they are written: their due date
 * is before the server's day (`today` of the preview, never the browser's clock), so the worker
 * marks them overdue at once, reminds their units and escalates under the ward's policy. Null
 * when there are none, when errors mean nothing would be written, and when a plan picked to
 * amend is not the one the preview compared the file with (its count is then of a new plan).
 */
export function overdueOnImportWarning(
  preview: Pick<PlanImportPreview, 'overdueOnImport' | 'today' | 'errors' | 'matchedPlan'>,
  amending = false,
): { message: string; description: string } | null {
  if (preview.overdueOnImport === 0 || preview.errors.length > 0) return null;
  if (amending && !preview.matchedPlan) return null;
  return {
    message:
      `${formatNumber(preview.overdueOnImport)} nhiệm vụ đã quá hạn ngay khi nhập ` +
      `(thời hạn trước ngày ${formatIsoDate(preview.today)})`,
    description:
      'Sau khi nhập, hệ thống chuyển ngay các nhiệm vụ này sang “Quá hạn”, nhắc đơn vị chủ trì ' +
      'và chuyển cấp trên xử lý theo quy định nhắc việc của phường. Nếu năm kế hoạch hoặc thời ' +
      'hạn trong tệp chưa đúng, hãy sửa trước khi nhập.',
  };
}
