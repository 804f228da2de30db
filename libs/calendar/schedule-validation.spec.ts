import {
  assertValidYearSchedule,
  InvalidYearScheduleError,
  validateYearSchedule,
} from './schedule-validation';
import type { YearSchedule } from './year-schedule';

const valid: YearSchedule = {
  year: 2027,
  source: 'Thông báo số 01/TB-BNV (ví dụ)',
  daysOff: [
    { date: '2027-01-01', name: 'Tết Dương lịch' },
    { date: '2027-04-29', name: 'Nghỉ hoán đổi' },
  ],
  makeUpWorkdays: [{ date: '2027-05-08', name: 'Làm bù cho thứ Năm 29/4' }],
};

const fieldsOf = (schedule: YearSchedule, year = 2027) =>
  validateYearSchedule(schedule, year).map((problem) => problem.field);

describe('validateYearSchedule', () => {
  it('accepts a well-formed schedule, and one with empty lists', () => {
    expect(validateYearSchedule(valid, 2027)).toEqual([]);
    expect(validateYearSchedule({ ...valid, daysOff: [], makeUpWorkdays: [] }, 2027)).toEqual([]);
  });

  it('accepts a holiday listed on a weekend', () => {
    const schedule = {
      ...valid,
      daysOff: [{ date: '2027-05-01', name: 'Ngày Quốc tế Lao động (thứ Bảy)' }],
    };
    expect(validateYearSchedule(schedule, 2027)).toEqual([]);
  });

  it('rejects a schedule for another year than the one being updated', () => {
    expect(validateYearSchedule(valid, 2028)).toContainEqual({
      field: 'year',
      message: 'năm của lịch (2027) khác với năm đang cập nhật (2028)',
    });
  });

  it('rejects a year that is not a whole number', () => {
    expect(fieldsOf({ ...valid, year: 2027.5 }, 2027.5)[0]).toBe('year');
  });

  it('requires a source', () => {
    expect(fieldsOf({ ...valid, source: '  ' })).toEqual(['source']);
  });

  it('names an invalid date, and a date outside the year', () => {
    const problems = validateYearSchedule(
      {
        ...valid,
        daysOff: [
          { date: '2027-02-30', name: 'Tết' },
          { date: '2026-12-31', name: 'Giao thừa' },
        ],
      },
      2027,
    );
    expect(problems).toEqual([
      {
        field: 'daysOff[0].date',
        message: 'Ngày nghỉ "Tết": "2027-02-30" không phải ngày hợp lệ dạng YYYY-MM-DD',
      },
      {
        field: 'daysOff[1].date',
        message: 'Ngày nghỉ "Giao thừa": ngày 2026-12-31 không thuộc năm 2027',
      },
    ]);
  });

  it('requires a name', () => {
    expect(
      validateYearSchedule({ ...valid, daysOff: [{ date: '2027-01-01', name: '' }] }, 2027),
    ).toEqual([{ field: 'daysOff[0].name', message: 'Ngày nghỉ thứ 1 chưa có tên' }]);
  });

  it('rejects a day off listed twice, pointing at both entries', () => {
    const problems = validateYearSchedule(
      { ...valid, daysOff: [...valid.daysOff, { date: '2027-01-01', name: 'Trùng' }] },
      2027,
    );
    expect(problems).toEqual([
      {
        field: 'daysOff[2].date',
        message:
          'Ngày nghỉ "Trùng": ngày 2027-01-01 đã có trong danh sách (daysOff[0] "Tết Dương lịch")',
      },
    ]);
  });

  it('rejects a make-up day that is not a Saturday or Sunday', () => {
    const problems = validateYearSchedule(
      { ...valid, makeUpWorkdays: [{ date: '2027-05-07', name: 'Làm bù' }] },
      2027,
    );
    expect(problems).toEqual([
      {
        field: 'makeUpWorkdays[0].date',
        message:
          'Ngày làm bù "Làm bù" (2027-05-07) là thứ Sáu; ngày làm bù phải là thứ Bảy hoặc Chủ nhật',
      },
    ]);
  });

  it('rejects a make-up day that is also a day off', () => {
    const problems = validateYearSchedule(
      { ...valid, daysOff: [...valid.daysOff, { date: '2027-05-08', name: 'Nghỉ' }] },
      2027,
    );
    expect(problems).toEqual([
      {
        field: 'makeUpWorkdays[0].date',
        message:
          'Ngày 2027-05-08 vừa là ngày làm bù "Làm bù cho thứ Năm 29/4" vừa là ngày nghỉ "Nghỉ"',
      },
    ]);
  });

  it('survives malformed JSON input', () => {
    const broken = {
      year: 2027,
      source: 'x',
      daysOff: [null, { date: 20270101, name: 'Số' }],
      makeUpWorkdays: 'none',
    } as unknown as YearSchedule;
    expect(fieldsOf(broken)).toEqual([
      'daysOff[0].name',
      'daysOff[0].date',
      'daysOff[1].date',
      'makeUpWorkdays',
    ]);
  });

  it('lists every problem at once', () => {
    const schedule = {
      ...valid,
      source: '',
      makeUpWorkdays: [
        { date: '2027-05-05', name: 'Làm bù' },
        { date: '2027-05-05', name: 'Lặp' },
      ],
    };
    expect(fieldsOf(schedule)).toEqual([
      'source',
      'makeUpWorkdays[1].date',
      'makeUpWorkdays[0].date',
    ]);
  });
});

describe('assertValidYearSchedule', () => {
  it('throws an error carrying the problems', () => {
    const schedule = { ...valid, makeUpWorkdays: [{ date: '2027-05-07', name: 'Làm bù' }] };
    expect(() => assertValidYearSchedule(schedule)).toThrow(InvalidYearScheduleError);
    expect(() => assertValidYearSchedule(schedule)).toThrow(
      /^Lịch nghỉ năm 2027 không hợp lệ: makeUpWorkdays\[0\]\.date: Ngày làm bù "Làm bù" \(2027-05-07\) là thứ Sáu/,
    );
  });

  it('passes a valid schedule', () => {
    expect(() => assertValidYearSchedule(valid)).not.toThrow();
  });
});
