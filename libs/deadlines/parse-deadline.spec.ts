import { ParsedDeadline } from '@cchc/domain';
import { MAX_DEADLINE_LENGTH, parseDeadline } from './parse-deadline';

type Expected = Partial<ParsedDeadline>;
const fixed = (due: string): Expected => ({ kind: 'fixed', due, milestones: [due], start: null });
const period = (due: string): Expected => ({ kind: 'period', due, milestones: [due], start: null });
const recurring = (recurrence: ParsedDeadline['recurrence']): Expected => ({
  kind: 'recurring',
  due: null,
  milestones: [],
  recurrence,
});
const EVENT: Expected = { kind: 'event', due: null, milestones: [], start: null };

// [cell, plan year, expected]
const CASES: [string, number, Expected][] = [
  // fixed
  ['Trước ngày 15/01/2026', 2026, fixed('2026-01-15')],
  ['Ngày 21/12/2022', 2023, fixed('2022-12-21')],
  ['Trước ngày 31/12/2025', 2025, fixed('2025-12-31')],
  ['trước 30/6', 2026, fixed('2026-06-30')],
  ['Truoc ngay 20/8/2025', 2025, fixed('2025-08-20')],
  ['TRƯỚC NGÀY 15/01/2026', 2026, fixed('2026-01-15')],
  ['Hoàn thành trước ngày\n15/01/2026.', 2026, fixed('2026-01-15')],
  ['Ngày 15 tháng 01 năm 2026', 2026, fixed('2026-01-15')],
  ['Ngày 29/02/2024', 2024, fixed('2024-02-29')],
  // period: quarter
  ['Quý I/2026', 2026, period('2026-03-31')],
  ['Quý IV/2025', 2025, period('2025-12-31')],
  ['Quy IV/2025', 2025, period('2025-12-31')],
  ['Qúy IV/2023', 2023, period('2023-12-31')],
  ['QUÝ  iv / 2025', 2025, period('2025-12-31')],
  ['Quý 2/2026', 2026, period('2026-06-30')],
  ['Quý I năm 2026', 2026, period('2026-03-31')],
  ['Quý II', 2026, period('2026-06-30')],
  // period: month, half-year, year
  ['Tháng 11 /2026', 2026, period('2026-11-30')],
  ['Tháng 01/2023', 2023, period('2023-01-31')],
  ['Tháng 01\n/2023', 2023, period('2023-01-31')],
  ['Thang 02/2023', 2023, period('2023-02-28')],
  ['Tháng 2/2024', 2024, period('2024-02-29')],
  ['6 tháng đầu năm', 2026, period('2026-06-30')],
  ['6 tháng cuối năm', 2026, period('2026-12-31')],
  ['6 thang dau nam 2025', 2026, period('2025-06-30')],
  ['11/2026', 2026, period('2026-11-30')],
  ['Tháng 01 năm 2023', 2023, period('2023-01-31')],
  ['Cả năm 2026', 2026, period('2026-12-31')],
  ['Cả năm', 2026, period('2026-12-31')],
  ['Trong năm 2025', 2025, period('2025-12-31')],
  ['Năm 2026', 2026, period('2026-12-31')],
  ['Tổ chức thực hiện\ncả năm 2023', 2023, period('2023-12-31')],
  // milestones
  [
    'Quý III,IV/2026',
    2026,
    { kind: 'milestones', due: '2026-12-31', milestones: ['2026-09-30', '2026-12-31'] },
  ],
  [
    'Quý III và quý IV/2026',
    2026,
    { kind: 'milestones', milestones: ['2026-09-30', '2026-12-31'] },
  ],
  [
    'Giao ban quý III: tháng 9/2025; Giao ban quý IV: tháng 12/2025',
    2025,
    {
      kind: 'milestones',
      due: '2025-12-31',
      milestones: ['2025-09-30', '2025-12-31'],
      start: null,
    },
  ],
  [
    'Ngày 21/12/2022; cả năm 2023',
    2023,
    { kind: 'milestones', milestones: ['2022-12-21', '2023-12-31'] },
  ],
  // a clause without a year takes the next clause's year, not the plan's (plan 2025 here)
  [
    'Tháng 6 và tháng 12/2026',
    2025,
    { kind: 'milestones', due: '2026-12-31', milestones: ['2026-06-30', '2026-12-31'] },
  ],
  [
    'Quý I; Quý IV/2026',
    2025,
    { kind: 'milestones', due: '2026-12-31', milestones: ['2026-03-31', '2026-12-31'] },
  ],
  [
    'Ngày 15/01, 15/7/2026',
    2025,
    { kind: 'milestones', due: '2026-07-15', milestones: ['2026-01-15', '2026-07-15'] },
  ],
  [
    'Quý I; thực hiện cả năm 2026',
    2025,
    {
      kind: 'range',
      start: '2026-01-01',
      due: '2026-12-31',
      milestones: ['2026-03-31', '2026-12-31'],
    },
  ],
  ['Tháng 6; tháng 12', 2025, { kind: 'milestones', milestones: ['2025-06-30', '2025-12-31'] }],
  ['Quý I/2026; quý II', 2026, { kind: 'milestones', milestones: ['2026-03-31', '2026-06-30'] }],
  // range
  [
    'Tháng 01/2026 đến tháng 5/2026',
    2026,
    { kind: 'range', start: '2026-01-01', due: '2026-05-31', milestones: ['2026-05-31'] },
  ],
  ['Từ tháng 01 đến tháng 5/2026', 2025, { kind: 'range', start: '2026-01-01', due: '2026-05-31' }],
  [
    'Từ 01/3/2026 đến hết 31/3/2026',
    2026,
    { kind: 'range', start: '2026-03-01', due: '2026-03-31' },
  ],
  [
    'Tháng 01/2023; thực hiện cả năm 2023',
    2023,
    {
      kind: 'range',
      start: '2023-01-01',
      due: '2023-12-31',
      milestones: ['2023-01-31', '2023-12-31'],
    },
  ],
  [
    'Tháng 02/2023;\nthực hiện cả năm 2023',
    2023,
    { kind: 'range', start: '2023-02-01', due: '2023-12-31' },
  ],
  [
    'Quý I/2023; thực hiện cả năm 2023',
    2023,
    {
      kind: 'range',
      start: '2023-01-01',
      due: '2023-12-31',
      milestones: ['2023-03-31', '2023-12-31'],
    },
  ],
  [
    'Tháng 01/2023 và tổ chức thực hiện cả năm 2023',
    2023,
    { kind: 'range', start: '2023-01-01', due: '2023-12-31' },
  ],
  // recurring
  ['Thường xuyên', 2026, recurring(null)],
  ['Thuong xuyen', 2026, recurring(null)],
  ['THƯỜNG XUYÊN, liên tục', 2026, recurring(null)],
  ['Hằng tháng', 2026, recurring('monthly')],
  ['Hàng tháng', 2026, recurring('monthly')],
  ['Định kỳ hằng quý', 2026, recurring('quarterly')],
  ['Định kỳ 6 tháng', 2026, recurring('half-yearly')],
  ['6 tháng/lần', 2026, recurring('half-yearly')],
  ['Hằng năm', 2026, recurring('yearly')],
  ['Định kỳ', 2026, recurring(null)],
  ['Thường xuyên, hằng tháng', 2026, recurring('monthly')],
  // a recurring phrase with a date: the date's reading, the rhythm kept
  ['Thường xuyên; trước ngày 31/12/2025', 2025, { ...fixed('2025-12-31'), recurrence: null }],
  ['Hằng tháng, trước ngày 20/8/2025', 2025, { ...fixed('2025-08-20'), recurrence: 'monthly' }],
  ['Hằng quý; Quý IV/2025', 2025, { ...period('2025-12-31'), recurrence: 'quarterly' }],
  // event
  ['Theo yêu cầu của thành phố', 2026, EVENT],
  ['Khi có văn bản triển khai', 2026, EVENT],
  ['Khi có hướng dẫn của thành phố', 2026, EVENT],
  ['Theo chỉ đạo của thành phố', 2026, EVENT],
  ['theo chi dao cua UBND quan', 2026, EVENT],
];

const UNRECOGNIZED: string[] = [
  '',
  '   ',
  'Ngày 31/02/2026',
  'Ngày 00/05/2026',
  'Tháng 13/2026',
  'Tháng 0/2026',
  'Quý V/2026',
  'Quý 12/2026',
  'Ngày 15/01/26',
  'Năm 2062',
  'Tháng 3-4/2026',
  '3-4/2026',
  'Trước tháng 11/2026',
  'Sau ngày 15/01/2026',
  'Trước ngày 15/01/2026 (dự kiến)',
  'Đang thực hiện',
  'Hằng tuần',
  '6 tháng',
  'Hằng tháng; hằng quý',
  'Quý IV/2026; Quý I/2026',
  'Quý IV/2026; tháng 12/2026',
  'Tháng 5 đến tháng 1/2026',
  'Theo yêu cầu của thành phố; Quý I/2026',
  'Theo chỉ đạo tại văn bản 12/UBND',
  'Bắt đầu: tháng 01/2026',
  'Quý I/2026;; Quý II/2026',
  // after a year other than the plan's, which year a bare clause means is a guess
  'Tháng 12/2025; tháng 6',
  // the next clause's year makes these run backwards: flagged, not read with the plan's year
  'Tháng 11; tháng 2/2027',
];

describe('parseDeadline', () => {
  it.each(CASES)('%j (plan %i)', (cell, year, expected) => {
    expect(parseDeadline(cell, { year })).toMatchObject({
      recurrence: null,
      ...expected,
      raw: cell,
      confidence: 'exact',
      suggestion: null,
    });
  });

  it.each(UNRECOGNIZED)('%j is flagged, raw kept', (cell) => {
    expect(parseDeadline(cell, { year: 2026 })).toEqual({
      kind: 'unrecognized',
      due: null,
      milestones: [],
      start: null,
      recurrence: null,
      raw: cell,
      confidence: 'none',
      readAs: null,
      suggestion: null,
    });
  });
});

describe('parseDeadline on an over-long cell', () => {
  const notUnderstood = (cell: string) => ({
    kind: 'unrecognized',
    due: null,
    milestones: [],
    raw: cell,
    confidence: 'none',
    readAs: null,
    suggestion: null,
  });

  it('flags a 14 KB paragraph without reading it through the OCR repairs', () => {
    const words = 'Tổ chức thực hiện kiểm tra việc duy trì hệ thống quản lý chất lượng năm'.split(
      ' ',
    );
    const cell = Array.from({ length: 3200 }, (_, i) => words[i % words.length]).join(' ');
    expect(cell.length).toBeGreaterThan(14_000);
    expect(parseDeadline(cell, { year: 2026 })).toMatchObject(notUnderstood(cell));
  });

  it('flags a long cell even when every clause of it would read', () => {
    const days = Array.from({ length: 365 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 0, 1 + i));
      return `Ngày ${date.getUTCDate()}/${date.getUTCMonth() + 1}/2026`;
    });
    const cell = days.join('; ');
    expect(parseDeadline(cell, { year: 2026 })).toMatchObject(notUnderstood(cell));
  });

  it('still reads a cell of the longest allowed length', () => {
    const cell = `Quý I/2026${' '.repeat(MAX_DEADLINE_LENGTH)}`;
    expect(parseDeadline(cell, { year: 2026 })).toMatchObject({
      kind: 'period',
      due: '2026-03-31',
    });
  });
});
