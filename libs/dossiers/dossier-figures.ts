import { addDays, monthOf } from '@cchc/calendar';
import { IsoDate } from '@cchc/domain';

/*
 * Reading the maintained dossier counts (migrations DossierCounts and DossierCountsAsOf): the
 * QĐ 766 figures as SQL sums over counter rows, as of a cut-off or as they stand today.
 */

/**
 * The figures of a set of dossiers (those received in the period, of one unit or all), as the
 * national scoring of dossier handling counts them (QĐ 766/QĐ-TTg): returned early, on time
 * and late separately.
 * - received: every dossier received in the period, whatever became of it;
 * - returnedEarly ("trước hạn"): returned, never late, on a day before its appointment date —
 *   the appointment as it stands (moved by supplement pauses, never by an apology slip);
 * - returnedOnTime ("đúng hạn"): returned, never late, on the appointment date itself;
 * - returnedLate ("quá hạn"): returned, but late at some point: an appointment missed (judged
 *   on each event's date), or a slip started — a slip moves the appointment, not the fault;
 * - pending ("đang giải quyết"): not returned as of the cut-off and still in hand: received,
 *   processing, with a result not yet handed over ('open' in the counts) or waiting for a
 *   supplement ('paused') now — states do not go back from a final one, so it was not returned
 *   at the cut-off either — or returned, rejected or withdrawn only after the cut-off. The rest
 *   ('other': rejected or withdrawn by then) is neither returned nor pending; so received = the
 *   three returned + pending + the rest;
 * - openOverdue: pending and past its appointment as of the cut-off: open and past its current
 *   appointment (marked, or the date is before today); waiting for a supplement and marked
 *   overdue by then (its appointment missed before the pause: the time the citizen takes does
 *   not count, so the date passing meanwhile makes it no later); or returned, rejected or
 *   withdrawn after the cut-off but late by it;
 * - pendingInTime ("trong hạn"): pending − openOverdue (quá hạn);
 * - onTimeRate: (returnedEarly + returnedOnTime) / every returned, null when none was returned;
 * - overdue: dossiers that were late (as returnedLate, returned or not) plus those open and
 *   overdue — every one of them owes an apology slip. Of those, by their first issued slip:
 *   - overdueSlipBeforeAppointment: issued no later than the appointment it is about (an
 *     appointment is missed only at the end of its day);
 *   - overdueSlipAfterAppointment: issued after it;
 *   - overdueWithoutSlip: no slip issued (none started, or still a draft);
 * - overdueWithIssuedSlip: the first two together;
 * - apologyCoverage: overdueWithIssuedSlip / overdue (target 1 = 100%), null when none is overdue.
 */
export interface DossierFigures {
  received: number;
  returnedEarly: number;
  returnedOnTime: number;
  returnedLate: number;
  pending: number;
  openOverdue: number;
  pendingInTime: number;
  onTimeRate: number | null;
  overdue: number;
  overdueSlipBeforeAppointment: number;
  overdueSlipAfterAppointment: number;
  overdueWithoutSlip: number;
  overdueWithIssuedSlip: number;
  apologyCoverage: number | null;
}

export interface UnitFigures extends DossierFigures {
  unitId: string;
  unitCode: string;
  unitName: string;
}

export interface DossierStats {
  from: IsoDate | null;
  to: IsoDate | null;
  /** The day "overdue" was judged on. */
  today: IsoDate;
  overall: DossierFigures;
  units: UnitFigures[];
}

export type Counts = Omit<
  DossierFigures,
  'pendingInTime' | 'onTimeRate' | 'overdueWithIssuedSlip' | 'apologyCoverage'
>;

/** Sums over the maintained counts (`t.n` dossiers per row), the flags of the inner select. */
const OVERDUE = '(t.late_by OR t.open_overdue)';
export const COUNTS: Record<keyof Counts, string> = {
  received: 'SUM(t.n)',
  returnedEarly: "SUM(IF(t.outcome = 'early' AND NOT t.after_cutoff, t.n, 0))",
  returnedOnTime: "SUM(IF(t.outcome = 'on_time' AND NOT t.after_cutoff, t.n, 0))",
  returnedLate: "SUM(IF(t.outcome = 'late' AND NOT t.after_cutoff, t.n, 0))",
  pending: "SUM(IF(t.outcome IN ('open', 'paused') OR t.after_cutoff, t.n, 0))",
  openOverdue: 'SUM(IF(t.open_overdue, t.n, 0))',
  overdue: `SUM(IF(${OVERDUE}, t.n, 0))`,
  overdueSlipBeforeAppointment: `SUM(IF(${OVERDUE} AND t.slip = 1, t.n, 0))`,
  overdueSlipAfterAppointment: `SUM(IF(${OVERDUE} AND t.slip = 2, t.n, 0))`,
  overdueWithoutSlip: `SUM(IF(${OVERDUE} AND t.slip = 0, t.n, 0))`,
};

/** No cut-off: every return counts, whatever its day. */
export const NO_CUTOFF = '9999-12-31';

/**
 * When the figures stand: returns made, lateness and slips issued by the end of `cutoff`
 * count; an open dossier is overdue when its appointment is before `judgedOn` (an appointment
 * is missed at the end of its day).
 */
export interface AsOf {
  cutoff: IsoDate;
  judgedOn: IsoDate;
}

/**
 * The days of a counts table's rows: the outcome's (the return, or an open dossier's
 * appointment), the day its dossiers were first late and the issue day of their first slip
 * (9999-12-31 when none).
 */
export interface Days {
  outcome: string;
  late: string;
  slip: string;
}
export const DAILY: Days = { outcome: 'c.outcome_on', late: 'c.late_on', slip: 'c.slip_on' };
/**
 * The monthly counts keep no such days: they serve figures as they stand today, when all count.
 * Their `due_on` is an open dossier's appointment month (its first day): overdue or not as
 * that day is before the day judged on or not, except in the month of that day (`wholeMonths`).
 */
export const MONTHLY: Days = {
  outcome: 'c.due_on',
  late: "DATE '1000-01-01'",
  slip: "DATE '1000-01-01'",
};

/** Counts rows (c) of a table matching `conditions` (whose values are `params`). */
export interface Source {
  table: string;
  days: Days;
  conditions: string[];
  params: unknown[];
}

/** The conditions on a ward's dossiers received from `from` to `to` (either open), of a unit. */
export function received(
  column: string,
  wardId: string,
  unit: { conditions: string[]; params: unknown[] } | null,
  from: IsoDate | null | undefined,
  to: IsoDate | null | undefined,
): Pick<Source, 'conditions' | 'params'> {
  const conditions = ['c.ward_id = ?', ...(unit?.conditions ?? [])];
  const params: unknown[] = [wardId, ...(unit?.params ?? [])];
  if (from) {
    conditions.push(`${column} >= ?`);
    params.push(from);
  }
  if (to) {
    conditions.push(`${column} <= ?`);
    params.push(to);
  }
  return { conditions, params };
}

/**
 * A receipt period split into the whole months it covers (their first days, `from`/`to` null
 * when open) and the days before and after them; without whole months, the period's days.
 */
export function receiptRanges(
  from: IsoDate | undefined,
  to: IsoDate | undefined,
): {
  days: { from?: IsoDate; to?: IsoDate }[];
  months: { from: IsoDate | null; to: IsoDate | null } | null;
} {
  const nextMonth = (date: IsoDate) => addDays(monthOf(date).to, 1);
  const first = from === undefined ? null : monthOf(from).from === from ? from : nextMonth(from);
  const last =
    to === undefined
      ? null
      : monthOf(to).to === to
        ? monthOf(to).from
        : monthOf(addDays(monthOf(to).from, -1)).from;
  if (first !== null && last !== null && first > last)
    return { days: [{ from, to }], months: null };
  const days: { from?: IsoDate; to?: IsoDate }[] = [];
  if (from !== undefined && first !== null && from < first)
    days.push({ from, to: addDays(first, -1) });
  if (to !== undefined && last !== null && to >= nextMonth(last))
    days.push({ from: nextMonth(last), to });
  return { days, months: { from: first, to: last } };
}

/**
 * The sources of the dossiers received in whole months (`from`, `to`: first days, either open)
 * of the `scope` (conditions on `c.ward_id`, `c.unit_id` and the receipt column given), as they
 * stand on `judgedOn`: the monthly counts, but for the open dossiers due in the month of
 * `judgedOn`, overdue or not by their appointment day, which the daily counts give.
 */
export function wholeMonths(
  scope: (
    column: string,
    from: IsoDate | null,
    to: IsoDate | null,
  ) => Pick<Source, 'conditions' | 'params'>,
  months: { from: IsoDate | null; to: IsoDate | null },
  judgedOn: IsoDate,
): Source[] {
  const due = monthOf(judgedOn);
  const monthly = scope('c.received_month', months.from, months.to);
  const daily = scope('c.received_on', months.from, months.to && monthOf(months.to).to);
  return [
    {
      table: 'dossier_monthly_counts',
      days: MONTHLY,
      conditions: [...monthly.conditions, "NOT (c.outcome = 'open' AND c.due_on = ?)"],
      params: [...monthly.params, due.from],
    },
    {
      table: 'dossier_daily_counts',
      days: DAILY,
      conditions: [...daily.conditions, "c.outcome = 'open'", 'c.outcome_on BETWEEN ? AND ?'],
      params: [...daily.params, due.from, due.to],
    },
  ];
}

/** The parameters of `countedBy`'s statement: each source's cut-off, then its conditions'. */
export const countedParams = (asOf: AsOf, sources: Source[]) =>
  sources.flatMap((source) => [asOf.cutoff, asOf.judgedOn, ...source.params]);

/**
 * The counts of the sources' rows, grouped by `key` (returned as `group_key`), as of the
 * cut-off (a.cutoff, a.judged_on): late by the cut-off and with a slip by then only if its
 * day is no later; a returned, rejected or withdrawn dossier is open at it if it closed later
 * (overdue if late by then); a paused one is overdue
 * only if marked (its appointment missed before the pause) and late by then. Groups whose dossiers
 * are all gone are left out.
 */
export function countedBy(key: string, sources: Source[]): string {
  const rows = sources.map(({ table, days, conditions }) => {
    const lateBy = `(c.late = 1 AND ${days.late} <= a.cutoff)`;
    // Returned, rejected or withdrawn only after the cut-off: still in hand at it.
    const afterCutoff = `(c.outcome IN ('early', 'on_time', 'late', 'other') AND ${days.outcome} > a.cutoff)`;
    return `SELECT ${key} AS group_key, c.n, c.outcome, ${lateBy} AS late_by,
            IF(${days.slip} <= a.cutoff, c.slip, 0) AS slip,
            ${afterCutoff} AS after_cutoff,
            (c.outcome = 'open' AND ((c.marked = 1 AND ${lateBy}) OR ${days.outcome} < a.judged_on))
              OR (c.outcome = 'paused' AND c.marked = 1 AND ${lateBy})
              OR (${afterCutoff} AND ${lateBy}) AS open_overdue
          FROM ${table} c
          JOIN (SELECT CAST(? AS DATE) AS cutoff, CAST(? AS DATE) AS judged_on) a
          WHERE ${conditions.join(' AND ')}`;
  });
  return `SELECT t.group_key, ${Object.entries(COUNTS)
    .map(([field, sql]) => `${sql} AS ${field}`)
    .join(', ')}
    FROM (${rows.join(' UNION ALL ')}) t
    GROUP BY t.group_key HAVING SUM(t.n) > 0`;
}

export function countsOf(count: (field: keyof Counts) => number): Counts {
  return Object.fromEntries(
    (Object.keys(COUNTS) as (keyof Counts)[]).map((field) => [field, count(field)]),
  ) as Counts;
}

export function withRates(counts: Counts): DossierFigures {
  const early = counts.returnedEarly + counts.returnedOnTime;
  const returned = early + counts.returnedLate;
  const withSlip = counts.overdueSlipBeforeAppointment + counts.overdueSlipAfterAppointment;
  return {
    ...counts,
    pendingInTime: counts.pending - counts.openOverdue,
    onTimeRate: returned === 0 ? null : early / returned,
    overdueWithIssuedSlip: withSlip,
    apologyCoverage: counts.overdue === 0 ? null : withSlip / counts.overdue,
  };
}
