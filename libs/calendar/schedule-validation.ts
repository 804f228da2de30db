import { isIsoDate, SATURDAY, SUNDAY, weekdayOf, yearOf } from './iso-date';
import type { NamedDay, YearSchedule } from './year-schedule';

// Checks a schedule before it replaces the rule for a year (PUT /calendar/years/:year and on
// loading edited schedules from the database). Each problem names the entry at fault.

export interface ScheduleProblem {
  /** Path of the faulty value, e.g. `daysOff[3].date`. */
  field: string;
  /** Vietnamese explanation for the person editing the schedule. */
  message: string;
}

export class InvalidYearScheduleError extends Error {
  constructor(
    readonly year: number,
    readonly problems: ScheduleProblem[],
  ) {
    super(
      `Lịch nghỉ năm ${year} không hợp lệ: ` +
        problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
    );
    this.name = 'InvalidYearScheduleError';
  }
}

/** A well-formed entry and where it was found. */
interface CheckedDay extends NamedDay {
  field: string;
}

const WEEKDAY_NAMES = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** Every problem found in `schedule` as the schedule of `year`; empty when it is valid. */
export function validateYearSchedule(schedule: YearSchedule, year: number): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (!Number.isInteger(year)) {
    problems.push({ field: 'year', message: `năm không hợp lệ: ${year}` });
  } else if (schedule.year !== year) {
    problems.push({
      field: 'year',
      message: `năm của lịch (${schedule.year}) khác với năm đang cập nhật (${year})`,
    });
  }
  if (typeof schedule.source !== 'string' || schedule.source.trim() === '') {
    problems.push({ field: 'source', message: 'cần ghi căn cứ của lịch nghỉ (số, ngày văn bản)' });
  }
  const daysOff = checkDays(schedule.daysOff, 'daysOff', 'Ngày nghỉ', year, problems);
  const makeUpWorkdays = checkDays(
    schedule.makeUpWorkdays,
    'makeUpWorkdays',
    'Ngày làm bù',
    year,
    problems,
  );

  for (const day of makeUpWorkdays.values()) {
    const field = day.field;
    const weekday = weekdayOf(day.date);
    if (weekday !== SATURDAY && weekday !== SUNDAY) {
      problems.push({
        field: `${field}.date`,
        message: `Ngày làm bù "${day.name}" (${day.date}) là ${WEEKDAY_NAMES[weekday]}; ngày làm bù phải là thứ Bảy hoặc Chủ nhật`,
      });
    }
    const clash = daysOff.get(day.date);
    if (clash) {
      problems.push({
        field: `${field}.date`,
        message: `Ngày ${day.date} vừa là ngày làm bù "${day.name}" vừa là ngày nghỉ "${clash.name}"`,
      });
    }
  }
  return problems;
}

export function assertValidYearSchedule(schedule: YearSchedule, year = schedule.year): void {
  const problems = validateYearSchedule(schedule, year);
  if (problems.length > 0) throw new InvalidYearScheduleError(year, problems);
}

/**
 * Checks one list (shape, dates in the year, names, no date twice) and returns its valid entries
 * by date, each with its field path, so that cross-list rules only see well-formed entries.
 */
function checkDays(
  days: readonly NamedDay[],
  listField: string,
  label: string,
  year: number,
  problems: ScheduleProblem[],
): Map<string, CheckedDay> {
  const valid = new Map<string, CheckedDay>();
  if (!Array.isArray(days)) {
    problems.push({ field: listField, message: `${label}: cần một danh sách (có thể rỗng)` });
    return valid;
  }
  days.forEach((day, index) => {
    const field = `${listField}[${index}]`;
    const name = typeof day?.name === 'string' ? day.name.trim() : '';
    if (name === '') {
      problems.push({ field: `${field}.name`, message: `${label} thứ ${index + 1} chưa có tên` });
    }
    const described = `${label} "${name || '(chưa có tên)'}"`;
    if (!isIsoDate(day?.date)) {
      problems.push({
        field: `${field}.date`,
        message: `${described}: "${String(day?.date)}" không phải ngày hợp lệ dạng YYYY-MM-DD`,
      });
      return;
    }
    if (yearOf(day.date) !== year) {
      problems.push({
        field: `${field}.date`,
        message: `${described}: ngày ${day.date} không thuộc năm ${year}`,
      });
      return;
    }
    const earlier = valid.get(day.date);
    if (earlier) {
      problems.push({
        field: `${field}.date`,
        message: `${described}: ngày ${day.date} đã có trong danh sách (${earlier.field} "${earlier.name}")`,
      });
      return;
    }
    valid.set(day.date, { ...day, field });
  });
  return valid;
}
