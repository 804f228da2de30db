import { DataSource, EntityManager } from 'typeorm';
import { addDays, formatIsoDate } from '@cchc/calendar';
import { IsoDate } from '@cchc/domain';

/**
 * The reporting year (kỳ báo cáo năm) of a ward, as libs/reports' reporting calendar counts it:
 * from the day after the annual cut-off of the year before (national preset: 15/12) to the annual
 * cut-off (14/12), or from the ward's own start (`countFrom`) when it falls inside. The same
 * arithmetic as @cchc/reports' reportPeriod for kind `nam`, kept here because reports depends
 * on the figures of inspections and targets (importing it back would be a cycle).
 */
export interface AnnualReportingRule {
  /** Day of December the year's figures are counted up to. */
  cutoffDay: number;
  countFrom: IsoDate | null;
}

export interface ReportingYear {
  year: number;
  from: IsoDate;
  to: IsoDate;
}

/** The national preset (Bộ Nội vụ): the year runs 15/12 of the year before – 14/12. */
export const NATIONAL_ANNUAL_RULE: AnnualReportingRule = { cutoffDay: 14, countFrom: null };

export function reportingYear(rule: AnnualReportingRule, year: number): ReportingYear {
  const to = formatIsoDate({ year, month: 12, day: rule.cutoffDay });
  const start = addDays(formatIsoDate({ year: year - 1, month: 12, day: rule.cutoffDay }), 1);
  // A ward that starts counting within the year counts from then (never past the year's end).
  const from =
    rule.countFrom && rule.countFrom > start && rule.countFrom <= to ? rule.countFrom : start;
  return { year, from, to };
}

/** The reporting year a day falls in: 20/12/2025 is in 2026's (15/12/2025 – 14/12/2026). */
export function reportingYearOf(rule: AnnualReportingRule, day: IsoDate): ReportingYear {
  const year = Number(day.slice(0, 4));
  const current = reportingYear(rule, year);
  return day > current.to ? reportingYear(rule, year + 1) : current;
}

/** The ward's annual rule from its reporting calendar (`report_calendars`), or the preset. */
export async function annualReportingRule(
  db: DataSource | EntityManager,
  wardId: string,
): Promise<AnnualReportingRule> {
  const [row] = (await db.query('SELECT rules FROM report_calendars WHERE ward_id = ?', [
    wardId,
  ])) as { rules: string | StoredRules }[];
  if (!row) return NATIONAL_ANNUAL_RULE;
  const rules = (typeof row.rules === 'string' ? JSON.parse(row.rules) : row.rules) as StoredRules;
  const cutoffDay = rules.periods?.nam?.cutoffDay;
  return {
    cutoffDay: Number.isInteger(cutoffDay) ? (cutoffDay as number) : NATIONAL_ANNUAL_RULE.cutoffDay,
    countFrom: rules.countFrom ?? null,
  };
}

/** What of libs/reports' stored ReportingCalendarRules this reads. */
interface StoredRules {
  periods?: { nam?: { cutoffDay?: number } };
  countFrom?: IsoDate | null;
}
