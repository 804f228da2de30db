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

const COUNTS: Record<keyof Counts, string> = {
  received: 'COUNT(*)',
  returnedEarly: "SUM(t.state = 'returned' AND t.late = 0 AND t.returned_on < t.appointment_date)",
  returnedOnTime:
    "SUM(t.state = 'returned' AND t.late = 0 AND t.returned_on >= t.appointment_date)",
  returnedLate: "SUM(t.state = 'returned' AND t.late = 1)",
  openOverdue: 'SUM(t.open_overdue)',
  overdue: 'SUM(t.overdue)',
  overdueSlipBeforeAppointment: "SUM(t.overdue AND t.first_slip = 'before')",
  overdueSlipAfterAppointment: "SUM(t.overdue AND t.first_slip = 'after')",
  overdueWithoutSlip: 'SUM(t.overdue AND t.first_slip IS NULL)',
};

const OPEN_OVERDUE =
  "(d.state IN ('received', 'processing') AND (d.overdue = 1 OR d.appointment_date < ?))";
/**
 * When an overdue dossier's first issued slip was issued, against the appointment it is about
 * (looked up for overdue dossiers only: the figures count slips of no other).
 */
const FIRST_SLIP = `IF(d.late = 1 OR ${OPEN_OVERDUE}, (SELECT IF(s.issued_on <= s.missed_appointment_date, 'before', 'after')
  FROM apology_slips s WHERE s.dossier_id = d.id AND s.status = 'issued'
  ORDER BY s.round LIMIT 1), NULL)`;

/**
 * Dossier figures by handling unit and overall, from SQL aggregates over indexed columns, read
 * from the read replica (it may be a moment behind).
 */
@Injectable()
export class DossierStatsService {
  constructor(
    private readonly reads: ReadDatabase,
    private readonly clock: Clock,
  ) {}

  async figures(wardId: string, query: DossierStatsQuery): Promise<DossierStats> {
    const today = todayIn(this.clock.now());
    const conditions = ['d.ward_id = ?'];
    const params: unknown[] = [today, today, today, wardId];
    if (query.unitId) {
      conditions.push('d.handling_unit_id = ?');
      params.push(query.unitId);
    }
    if (query.from) {
      conditions.push('d.received_on >= ?');
      params.push(query.from);
    }
    if (query.to) {
      conditions.push('d.received_on <= ?');
      params.push(query.to);
    }
    const rows = (await this.reads.run((manager) =>
      manager.query(
        // Counted per unit before the units are joined: the dossiers are then read through the
        // ward's index alone (joined first, the optimiser may walk every unit of every ward).
        `SELECT g.*, u.code AS unit_code, u.name AS unit_name
       FROM (${countedBy('d.handling_unit_id', conditions)}) g
       JOIN org_units u ON u.id = g.group_key
       ORDER BY u.name`,
        params,
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
    return { from: query.from ?? null, to: query.to ?? null, today, overall, units };
  }

  /**
   * The overall figures of each ward over the period (the wards' dossiers received from `from`
   * to `to`), all in one statement: what `figures(wardId, …).overall` gives for each ward.
   */
  async overallByWard(
    wardIds: string[],
    from: IsoDate,
    to: IsoDate,
  ): Promise<Map<string, DossierFigures>> {
    if (wardIds.length === 0) return new Map();
    const today = todayIn(this.clock.now());
    const rows = (await this.reads.run((manager) =>
      manager.query(
        countedBy('d.ward_id', ['d.ward_id IN (?)', 'd.received_on >= ?', 'd.received_on <= ?']),
        [today, today, today, wardIds, from, to],
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

/**
 * The counts of the dossiers matching `conditions` (after the three `today` parameters of the
 * overdue tests), grouped by `key` (returned as `group_key`).
 */
function countedBy(key: string, conditions: string[]): string {
  return `SELECT t.group_key, ${Object.entries(COUNTS)
    .map(([field, sql]) => `${sql} AS ${field}`)
    .join(', ')}
    FROM (SELECT ${key} AS group_key, d.state, d.late, d.returned_on, d.appointment_date,
            ${OPEN_OVERDUE} AS open_overdue, (d.late = 1 OR ${OPEN_OVERDUE}) AS overdue,
            ${FIRST_SLIP} AS first_slip
          FROM tthc_dossiers d WHERE ${conditions.join(' AND ')}) t
    GROUP BY t.group_key`;
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
