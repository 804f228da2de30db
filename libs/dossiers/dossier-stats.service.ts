import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { Clock } from '@cchc/common';
import { IsoDate } from '@cchc/domain';
import { DossierStatsQuery } from './dto/dossier-stats.query';

/**
 * The figures of a set of dossiers (those received in the period, of one unit or all):
 * - received: every dossier received in the period, whatever became of it;
 * - returnedOnTime: returned to the applicant and never late (no appointment missed or
 *   announced as missed, returned by the appointment date) — "đúng hạn";
 * - returnedLate: returned, but late at some point (an apology slip moves the appointment,
 *   not the fault);
 * - openOverdue: not yet resolved (received or processing; a dossier waiting for a supplement
 *   has its clock stopped) and past its current appointment (marked by the timer, or the date
 *   is before today);
 * - onTimeRate: returnedOnTime / (returnedOnTime + returnedLate), null when none was returned;
 * - overdue: dossiers that missed an appointment or announced they would (late), plus those
 *   open and overdue — every one of them owes an apology slip;
 * - overdueWithIssuedSlip: of those, the ones with at least one issued (signed) slip;
 * - apologyCoverage: overdueWithIssuedSlip / overdue (target 1 = 100%), null when none is overdue.
 */
export interface DossierFigures {
  received: number;
  returnedOnTime: number;
  returnedLate: number;
  openOverdue: number;
  onTimeRate: number | null;
  overdue: number;
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

type Counts = Omit<DossierFigures, 'onTimeRate' | 'apologyCoverage'>;

const OPEN_OVERDUE =
  "(d.state IN ('received', 'processing') AND (d.overdue = 1 OR d.appointment_date < ?))";
const OVERDUE = `(d.late = 1 OR ${OPEN_OVERDUE})`;

/** Dossier figures by handling unit and overall, from SQL aggregates over indexed columns. */
@Injectable()
export class DossierStatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const rows = (await this.dataSource.query(
      `SELECT d.handling_unit_id AS unit_id, u.code AS unit_code, u.name AS unit_name,
         COUNT(*) AS received,
         SUM(d.state = 'returned' AND d.late = 0) AS returned_on_time,
         SUM(d.state = 'returned' AND d.late = 1) AS returned_late,
         SUM(${OPEN_OVERDUE}) AS open_overdue,
         SUM(${OVERDUE}) AS overdue,
         SUM(${OVERDUE} AND EXISTS (SELECT 1 FROM apology_slips s
           WHERE s.dossier_id = d.id AND s.status = 'issued')) AS overdue_with_issued_slip
       FROM tthc_dossiers d JOIN org_units u ON u.id = d.handling_unit_id
       WHERE ${conditions.join(' AND ')}
       GROUP BY d.handling_unit_id, u.code, u.name
       ORDER BY u.name`,
      params,
    )) as Record<string, string | number>[];
    const units = rows.map((row) => ({
      unitId: String(row.unit_id),
      unitCode: String(row.unit_code),
      unitName: String(row.unit_name),
      ...withRates({
        received: Number(row.received),
        returnedOnTime: Number(row.returned_on_time),
        returnedLate: Number(row.returned_late),
        openOverdue: Number(row.open_overdue),
        overdue: Number(row.overdue),
        overdueWithIssuedSlip: Number(row.overdue_with_issued_slip),
      }),
    }));
    const total = (field: keyof Counts) => units.reduce((sum, unit) => sum + unit[field], 0);
    const overall = withRates({
      received: total('received'),
      returnedOnTime: total('returnedOnTime'),
      returnedLate: total('returnedLate'),
      openOverdue: total('openOverdue'),
      overdue: total('overdue'),
      overdueWithIssuedSlip: total('overdueWithIssuedSlip'),
    });
    return { from: query.from ?? null, to: query.to ?? null, today, overall, units };
  }
}

function withRates(counts: Counts): DossierFigures {
  const returned = counts.returnedOnTime + counts.returnedLate;
  return {
    ...counts,
    onTimeRate: returned === 0 ? null : counts.returnedOnTime / returned,
    apologyCoverage: counts.overdue === 0 ? null : counts.overdueWithIssuedSlip / counts.overdue,
  };
}
