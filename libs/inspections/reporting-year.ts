import { DataSource, EntityManager } from 'typeorm';
import type { AnnualReportingRule } from '@cchc/calendar';
import { IsoDate } from '@cchc/domain';

// A ward's reporting year (kỳ báo cáo năm) is @cchc/calendar's `reportingYear`, counted as
// @cchc/reports counts its periods. Its rule is read here from the reporting calendar libs/reports
// keeps, not through it: reports depends on the figures of inspections and targets (a cycle).

/** The national preset (Bộ Nội vụ): the year runs 15/12 of the year before – 14/12. */
export const NATIONAL_ANNUAL_RULE: AnnualReportingRule = { cutoffDay: 14, countFrom: null };

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
