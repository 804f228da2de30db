// Public API of @cchc/calendar: Vietnamese lunar calendar, holidays, working days and periods
// counted up to a cut-off day (pure code).
export {
  addDays,
  formatIsoDate,
  isIsoDate,
  isWeekend,
  monthOf,
  parseIsoDate,
  weekdayOf,
  type DateParts,
  type Weekday,
} from './iso-date';
export {
  countedFrom,
  cutoffSpan,
  reportingYear,
  reportingYearOf,
  type AnnualReportingRule,
  type CutoffSpan,
  type ReportingYear,
} from './cutoff-periods';
export { endOfDayInstant, todayIn, VIETNAM_TIME_ZONE, vietnamTimeOfDay } from './vietnam-time';
export {
  LUNAR_FIRST_YEAR,
  LUNAR_LAST_YEAR,
  lunarToSolar,
  solarToLunar,
  UnsupportedYearError,
  type LunarDate,
} from './lunar';
export { lunarYearName } from './lunar-year-name';
export type { HolidayListing, NamedDay, ScheduleSource, YearSchedule } from './year-schedule';
export { STATUTORY_SOURCE, statutoryScheduleOf } from './statutory-holidays';
export { OFFICIAL_SCHEDULES } from './official-schedules';
export {
  assertValidYearSchedule,
  InvalidYearScheduleError,
  validateYearSchedule,
  type ScheduleProblem,
} from './schedule-validation';
export { WorkingCalendar, type EffectiveSchedule } from './working-calendar';
