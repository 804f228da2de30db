import { Injectable } from '@nestjs/common';
import { todayIn } from '@cchc/calendar';
import { Clock } from '@cchc/common';
import { ReadDatabase } from '@cchc/database';
import { IsoDate } from '@cchc/domain';
import { DossierStatsQuery } from './dto/dossier-stats.query';

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
 * - openOverdue: not yet resolved (received or processing; a dossier waiting for a supplement
 *   has its clock stopped) and past its current appointment (marked, or the date is before today);
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
  openOverdue: number;
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

type Counts = Omit<DossierFigures, 'onTimeRate' | 'overdueWithIssuedSlip' | 'apologyCoverage'>;

/** Sums over the maintained counts (`t.n` dossiers per row), the flags of the inner select. */
const OVERDUE = '(t.late_by OR t.open_overdue)';
const COUNTS: Record<keyof Counts, string> = {
  received: 'SUM(t.n)',
  returnedEarly: "SUM(IF(t.outcome = 'early' AND NOT t.after_cutoff, t.n, 0))",
  returnedOnTime: "SUM(IF(t.outcome = 'on_time' AND NOT t.after_cutoff, t.n, 0))",
  returnedLate: "SUM(IF(t.outcome = 'late' AND NOT t.after_cutoff, t.n, 0))",
  openOverdue: 'SUM(IF(t.open_overdue, t.n, 0))',
  overdue: `SUM(IF(${OVERDUE}, t.n, 0))`,
  overdueSlipBeforeAppointment: `SUM(IF(${OVERDUE} AND t.slip = 1, t.n, 0))`,
  overdueSlipAfterAppointment: `SUM(IF(${OVERDUE} AND t.slip = 2, t.n, 0))`,
  overdueWithoutSlip: `SUM(IF(${OVERDUE} AND t.slip = 0, t.n, 0))`,
};

/** No cut-off: every return counts, whatever its day. */
const NO_CUTOFF = '9999-12-31';

/**
 * When the figures stand: returns made, lateness and slips issued by the end of `cutoff`
 * count; an open dossier is overdue when its appointment is before `judgedOn` (an appointment
 * is missed at the end of its day).
 */
interface AsOf {
  cutoff: IsoDate;
  judgedOn: IsoDate;
}

/**
 * Dossier figures by handling unit and overall, from the maintained counts (migrations
 * DossierCounts and DossierCountsAsOf: per ward, unit, receipt day, outcome and its day, the day
 * first late and the first slip's issue day, kept by the writing transaction), never from the
 * dossiers themselves; read from the read replica (it may be a moment behind).
 */
@Injectable()
export class DossierStatsService {
  constructor(
    private readonly reads: ReadDatabase,
    private readonly clock: Clock,
  ) {}

  /**
   * The figures of the dossiers received in the period, as they stand now or — given `cutoff` —
   * as they stood at that instant (a report's end of its cut-off day C): a dossier counts as
   * late if it first became late by C (`late_on`), a slip if issued by C; a dossier returned
   * after C counts as still open, and open and overdue if it was late by C; a dossier open now
   * is overdue at C if its appointment was over by then, or it was marked overdue and late by
   * C. Without a cut-off, every lateness and slip counts, and an open dossier is overdue if
   * marked or its appointment is before today.
   */
  async figures(wardId: string, query: DossierStatsQuery, cutoff?: Date): Promise<DossierStats> {
    const asOf = cutoff
      ? { cutoff: todayIn(cutoff), judgedOn: todayIn(new Date(cutoff.getTime() + 1)) }
      : { cutoff: NO_CUTOFF, judgedOn: todayIn(this.clock.now()) };
    const conditions = ['c.ward_id = ?'];
    const params: unknown[] = [wardId];
    if (query.unitId) {
      conditions.push('c.unit_id = ?');
      params.push(query.unitId);
    }
    if (query.from) {
      conditions.push('c.received_on >= ?');
      params.push(query.from);
    }
    if (query.to) {
      conditions.push('c.received_on <= ?');
      params.push(query.to);
    }
    const rows = (await this.reads.run((manager) =>
      manager.query(
        `SELECT g.*, u.code AS unit_code, u.name AS unit_name
         FROM (${countedBy('dossier_daily_counts', 'c.unit_id', DAILY, conditions)}) g
         JOIN org_units u ON u.id = g.group_key
         ORDER BY u.name`,
        [...asOfParams(asOf), ...params],
      ),
    )) as Record<string, string | number | null>[];
    const units = rows.map((row) => ({
      unitId: String(row.group_key),
      unitCode: String(row.unit_code),
      unitName: String(row.unit_name),
      ...withRates(countsOf((field) => Number(row[field] ?? 0))),
    }));
    const overall = withRates(
      countsOf((field) => units.reduce((sum, unit) => sum + unit[field], 0)),
    );
    return { from: query.from ?? null, to: query.to ?? null, today: asOf.judgedOn, overall, units };
  }

  /**
   * The overall figures of each ward's dossiers received in the year, as they stand today, in one
   * statement over the monthly counts: what `figures(wardId, {from, to}).overall` gives for the year.
   */
  async overallByWard(wardIds: string[], year: number): Promise<Map<string, DossierFigures>> {
    if (wardIds.length === 0) return new Map();
    const today = todayIn(this.clock.now());
    const rows = (await this.reads.run((manager) =>
      manager.query(
        countedBy('dossier_monthly_counts', 'c.ward_id', MONTHLY, [
          'c.ward_id IN (?)',
          'c.received_month BETWEEN ? AND ?',
        ]),
        [
          ...asOfParams({ cutoff: NO_CUTOFF, judgedOn: today }),
          wardIds,
          `${year}-01-01`,
          `${year}-12-01`,
        ],
      ),
    )) as Record<string, string | number | null>[];
    const byWard = new Map(rows.map((row) => [String(row.group_key), row]));
    return new Map(
      wardIds.map((wardId) => [
        wardId,
        withRates(countsOf((field) => Number(byWard.get(wardId)?.[field] ?? 0))),
      ]),
    );
  }
}

const asOfParams = ({ cutoff, judgedOn }: AsOf) => [cutoff, judgedOn];

/**
 * The days of a counts table's rows: the outcome's (the return, or an open dossier's
 * appointment), the day its dossiers were first late and the issue day of their first slip
 * (9999-12-31 when none).
 */
interface Days {
  outcome: string;
  late: string;
  slip: string;
}
const DAILY: Days = { outcome: 'c.outcome_on', late: 'c.late_on', slip: 'c.slip_on' };
/** The monthly counts keep no such days: they serve figures as they stand today, when all count. */
const MONTHLY: Days = { outcome: 'c.due_on', late: "DATE '1000-01-01'", slip: "DATE '1000-01-01'" };

/**
 * The counts of `table` (c) rows matching `conditions`, grouped by `key` (returned as
 * `group_key`), as of the cut-off (a.cutoff, a.judged_on): its first parameters are those of
 * `asOfParams`. Late by the cut-off and with a slip by then only if its day is no later; a
 * returned dossier is open at it if returned later. Groups whose dossiers are all gone are
 * left out.
 */
function countedBy(table: string, key: string, days: Days, conditions: string[]): string {
  const lateBy = `(c.late = 1 AND ${days.late} <= a.cutoff)`;
  return `SELECT t.group_key, ${Object.entries(COUNTS)
    .map(([field, sql]) => `${sql} AS ${field}`)
    .join(', ')}
    FROM (SELECT ${key} AS group_key, c.n, c.outcome, ${lateBy} AS late_by,
            IF(${days.slip} <= a.cutoff, c.slip, 0) AS slip,
            c.outcome IN ('early', 'on_time', 'late') AND ${days.outcome} > a.cutoff AS after_cutoff,
            (c.outcome = 'open' AND ((c.marked = 1 AND ${lateBy}) OR ${days.outcome} < a.judged_on))
              OR (c.outcome = 'late' AND ${days.outcome} > a.cutoff AND ${lateBy}) AS open_overdue
          FROM ${table} c
          JOIN (SELECT CAST(? AS DATE) AS cutoff, CAST(? AS DATE) AS judged_on) a
          WHERE ${conditions.join(' AND ')}) t
    GROUP BY t.group_key HAVING SUM(t.n) > 0`;
}

function countsOf(count: (field: keyof Counts) => number): Counts {
  return Object.fromEntries(
    (Object.keys(COUNTS) as (keyof Counts)[]).map((field) => [field, count(field)]),
  ) as Counts;
}

function withRates(counts: Counts): DossierFigures {
  const early = counts.returnedEarly + counts.returnedOnTime;
  const returned = early + counts.returnedLate;
  const withSlip = counts.overdueSlipBeforeAppointment + counts.overdueSlipAfterAppointment;
  return {
    ...counts,
    onTimeRate: returned === 0 ? null : early / returned,
    overdueWithIssuedSlip: withSlip,
    apologyCoverage: counts.overdue === 0 ? null : withSlip / counts.overdue,
  };
}
