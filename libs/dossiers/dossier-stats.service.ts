import { Injectable } from '@nestjs/common';
import { todayIn } from '@cchc/calendar';
import { Clock } from '@cchc/common';
import { ReadDatabase } from '@cchc/database';
import {
  countedBy,
  countedParams,
  countsOf,
  DAILY,
  DossierFigures,
  DossierStats,
  NO_CUTOFF,
  receiptRanges,
  received,
  Source,
  wholeMonths,
  withRates,
} from './dossier-figures';
import { DossierStatsQuery } from './dto/dossier-stats.query';

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
   * C (one waiting for a supplement only so). Without a cut-off, every lateness and slip counts,
   * and an open dossier is overdue if marked or its appointment is before today.
   */
  async figures(wardId: string, query: DossierStatsQuery, cutoff?: Date): Promise<DossierStats> {
    const asOf = cutoff
      ? { cutoff: todayIn(cutoff), judgedOn: todayIn(new Date(cutoff.getTime() + 1)) }
      : { cutoff: NO_CUTOFF, judgedOn: todayIn(this.clock.now()) };
    // As they stand today, whole months of receipt are read from the monthly counts (a large
    // ward's days are many rows) and only the days at either end from the daily counts (and the
    // open dossiers due this month: wholeMonths).
    const ranges = cutoff
      ? { days: [{ from: query.from, to: query.to }], months: null }
      : receiptRanges(query.from, query.to);
    const unit = query.unitId ? { conditions: ['c.unit_id = ?'], params: [query.unitId] } : null;
    const sources: Source[] = ranges.days.map(({ from, to }) => ({
      table: 'dossier_daily_counts',
      days: DAILY,
      ...received('c.received_on', wardId, unit, from, to),
    }));
    if (ranges.months)
      sources.push(
        ...wholeMonths(
          (column, from, to) => received(column, wardId, unit, from, to),
          ranges.months,
          asOf.judgedOn,
        ),
      );
    const rows = (await this.reads.run((manager) =>
      manager.query(
        `SELECT g.*, u.code AS unit_code, u.name AS unit_name
         FROM (${countedBy('c.unit_id', sources)}) g
         JOIN org_units u ON u.id = g.group_key
         ORDER BY u.name`,
        countedParams(asOf, sources),
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
    const ofYear = wholeMonths(
      (column, from, to) => ({
        conditions: ['c.ward_id IN (?)', `${column} BETWEEN ? AND ?`],
        params: [wardIds, from, to],
      }),
      { from: `${year}-01-01`, to: `${year}-12-01` },
      today,
    );
    const rows = (await this.reads.run((manager) =>
      manager.query(
        countedBy('c.ward_id', ofYear),
        countedParams({ cutoff: NO_CUTOFF, judgedOn: today }, ofYear),
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
