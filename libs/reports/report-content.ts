import { IsoDate, romanValue, TargetComparator, TASK_STATES, TaskState } from '@cchc/domain';
import type { DossierFigures } from '@cchc/dossiers';
import type { TaskStateAsOf } from '@cchc/tasks';
import type { ReportPeriod } from './reporting-calendar';

/*
 * The report's contents, computed as of the cut-off (pure). Tasks are taken as they stood at the
 * cut-off instant (the end of the cut-off day, Vietnam time) from their audit history, by
 * `tasksAsOf` of @cchc/tasks.
 */

export interface PlannedTask {
  id: string;
  ordinal: string | null;
  title: string;
  areaCode: string | null;
  areaName: string | null;
  /** The area's place in the plan (plan_areas.position); areas are listed in that order. */
  areaPosition?: number | null;
  leadUnitId: string;
  /** The task's due date (extensions included): as it stands, or as of the cut-off in a TaskAsOf. */
  dueDate: IsoDate | null;
}

/** A task at the cut-off: its state, due date and lead unit then (`tasksAsOf`). */
export type TaskAsOf = PlannedTask & TaskStateAsOf & { leadUnitName: string };

export type StateCounts = Record<TaskState, number>;

export interface AreaFigures {
  code: string;
  name: string;
  total: number;
  byState: StateCounts;
  done: number;
  /** done / (total − cancelled), in percent with one decimal; null when nothing counts. */
  donePercent: number | null;
}

export interface TaskLine {
  ordinal: string | null;
  title: string;
  leadUnit: string;
  dueDate: IsoDate | null;
  state: TaskState;
  reason: string | null;
}

export interface TaskSection {
  total: number;
  byState: StateCounts;
  done: number;
  donePercent: number | null;
  doneOnTime: number;
  doneLate: number;
  areas: AreaFigures[];
  overdue: TaskLine[];
}

const OPEN_STATES: readonly TaskState[] = ['assigned', 'inProgress', 'overdue'];

function emptyCounts(): StateCounts {
  return Object.fromEntries(TASK_STATES.map((state) => [state, 0])) as StateCounts;
}

/** "33,3%" from 33.3; "không có" when there is nothing to count. */
export function percentText(value: number | null): string {
  return value === null ? 'không có' : `${value.toLocaleString('vi-VN')}%`;
}

/** "90%" from 0.9 (one decimal). */
export function ratioText(value: number | null): string {
  return value === null ? 'không có' : percentText(Math.round(value * 1000) / 10);
}

/**
 * A ratio (0.8996) in percent beside a target (≥ 90) and its verdict: one decimal, or as many
 * more as it takes for the printed figure to agree with the verdict ("89,96%" beside "Không
 * đạt", never "90%"), since the verdict is judged on more decimals than one.
 */
export function verdictRatioText(
  value: number,
  target: { comparator: TargetComparator; value: number },
  met: boolean | null,
): string {
  let shown = Math.round(value * 1000) / 10;
  for (let decimals = 2; met !== null && decimals <= 6; decimals += 1) {
    const agrees =
      target.comparator === 'gte'
        ? shown >= target.value
        : target.comparator === 'lte'
          ? shown <= target.value
          : shown === target.value;
    if (agrees === met) break;
    const scale = 10 ** decimals;
    shown = Math.round(value * 100 * scale) / scale;
  }
  return percentText(shown);
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

function line(task: TaskAsOf): TaskLine {
  return {
    ordinal: task.ordinal,
    title: task.title,
    leadUnit: task.leadUnitName,
    dueDate: task.dueDate,
    state: task.state,
    reason: task.reason,
  };
}

/**
 * Areas in the plan's order; else by Roman value (IV, V, …, IX, X, not IV, IX, V), then by code;
 * tasks outside any area last.
 */
function compareAreas(
  a: { code: string; position: number | null },
  b: { code: string; position: number | null },
): number {
  if ((a.code === '') !== (b.code === '')) return a.code === '' ? 1 : -1;
  if (a.position !== null && b.position !== null && a.position !== b.position)
    return a.position - b.position;
  if ((a.position === null) !== (b.position === null)) return a.position === null ? 1 : -1;
  const [ra, rb] = [romanValue(a.code), romanValue(b.code)];
  if (ra !== null && rb !== null && ra !== rb) return ra - rb;
  if ((ra === null) !== (rb === null)) return ra === null ? 1 : -1;
  return a.code.localeCompare(b.code, 'vi', { numeric: true });
}

/**
 * Section (1): tasks by area and state, done, on time / late, and the overdue list: open and past
 * due on `countedTo`, the last day counted (the cut-off, or the day compiled before it).
 */
export function taskSection(tasks: TaskAsOf[], countedTo: IsoDate): TaskSection {
  const areas = new Map<string, AreaFigures>();
  const positions = new Map<string, number | null>();
  const byState = emptyCounts();
  for (const task of tasks) {
    byState[task.state] += 1;
    const code = task.areaCode ?? '';
    const area = areas.get(code) ?? {
      code,
      name: task.areaName ?? 'Chưa phân lĩnh vực',
      total: 0,
      byState: emptyCounts(),
      done: 0,
      donePercent: null,
    };
    area.total += 1;
    area.byState[task.state] += 1;
    if (task.state === 'accepted') area.done += 1;
    areas.set(code, area);
    positions.set(code, task.areaPosition ?? positions.get(code) ?? null);
  }
  for (const area of areas.values())
    area.donePercent = percent(area.done, area.total - area.byState.cancelled);
  const done = byState.accepted;
  const overdue = tasks.filter(
    (task) =>
      task.state === 'overdue' ||
      (OPEN_STATES.includes(task.state) && task.dueDate !== null && task.dueDate < countedTo),
  );
  return {
    total: tasks.length,
    byState,
    done,
    donePercent: percent(done, tasks.length - byState.cancelled),
    doneOnTime: tasks.filter((task) => task.onTime === true).length,
    doneLate: tasks.filter((task) => task.onTime === false).length,
    areas: [...areas.values()].sort((a, b) =>
      compareAreas(
        { code: a.code, position: positions.get(a.code) ?? null },
        { code: b.code, position: positions.get(b.code) ?? null },
      ),
    ),
    overdue: overdue.map(line),
  };
}

/**
 * Section (6): tasks still open when counted that fall due after `after` (the cut-off) up to the
 * next period's cut-off.
 */
export function nextPeriodTasks(tasks: TaskAsOf[], after: IsoDate, nextCutoff: IsoDate) {
  return tasks
    .filter(
      (task) =>
        OPEN_STATES.includes(task.state) &&
        task.dueDate !== null &&
        task.dueDate > after &&
        task.dueDate <= nextCutoff,
    )
    .map(line);
}

// ---------------------------------------------------------------- the whole report

/**
 * Section (2): the dossiers received in the period, with their figures as of the cut-off. The
 * pending ones (in time and overdue) are absent from revisions compiled before they were reported.
 */
export type DossierSection = { from: IsoDate; to: IsoDate } & Pick<
  DossierFigures,
  | 'received'
  | 'returnedEarly'
  | 'returnedOnTime'
  | 'returnedLate'
  | 'openOverdue'
  | 'onTimeRate'
  | 'overdue'
  | 'overdueWithIssuedSlip'
  | 'overdueWithoutSlip'
  | 'apologyCoverage'
> &
  Partial<Pick<DossierFigures, 'pending' | 'pendingInTime'>>;

export interface TargetLine {
  code: string;
  name: string;
  /** "≥ 90%", "= 100%", or the qualitative wording. */
  target: string;
  actual: string | null;
  met: boolean | null;
  /** Đạt, Không đạt, Chỉ tiêu định tính, Chưa có số liệu. */
  verdict: string;
}

export interface InspectionLine {
  label: string;
  value: string;
}

export interface ContributionLine {
  unit: string;
  state: string;
  late: boolean;
  results: string;
  problems: string;
  proposals: string;
}

/** A section without data says so in words, never with an empty table. */
export interface OptionalSection<T> {
  rows: T[];
  note: string | null;
}

export interface ReportContent {
  ward: { name: string; place: string; superior: string };
  period: ReportPeriod;
  plan: { id: string; number: string | null; title: string | null } | null;
  /**
   * The instant the figures are counted up to: the end of the cut-off day (Vietnam time), or the
   * moment they were compiled when that came first.
   */
  cutoffInstant: string;
  tasks: TaskSection;
  dossiers: DossierSection;
  targets: OptionalSection<TargetLine>;
  inspections: OptionalSection<InspectionLine>;
  contributions: ContributionLine[];
  nextTasks: TaskLine[];
  /**
   * The ward's audit checkpoint made when the figures were compiled: whoever holds the report
   * can check the ward's history against this signed root (null in revisions made before).
   */
  auditCheckpoint: AuditCheckpointLine | null;
}

export interface AuditCheckpointLine {
  id: string;
  createdAt: string;
  root: string;
  instanceCount: number;
  keyId: string;
}
