import { ApiError } from '../api/http';
import type { PlanProblem } from '../api/types';
import {
  describeProblem,
  howToFix,
  overdueOnImportWarning,
  planYearState,
  previewSummary,
  preselectedKind,
  refusesYear,
  rowLevel,
  sortProblems,
} from './plan-import-view';

describe('plan import problems', () => {
  const errors: PlanProblem[] = [
    { row: 7, field: 'leadUnit', message: 'Không rõ đơn vị chủ trì "Phòng X"' },
  ];
  const warnings: PlanProblem[] = [
    { row: 7, field: 'deadline', message: 'Không đọc được thời hạn' },
    { row: 9, field: null, message: 'Dòng trống giữa bảng' },
    { row: null, field: 'number', message: 'Không tìm thấy số kế hoạch' },
  ];

  const tasks = [{ sourceRow: 7 }, { sourceRow: 9 }];

  it('puts each problem beside its row, errors first, and keeps plan-wide ones apart', () => {
    const sorted = sortProblems(errors, warnings, tasks);
    expect(sorted.plan.map((problem) => problem.field)).toEqual(['number']);
    expect(sorted.byRow.get(7)?.map((problem) => problem.level)).toEqual(['error', 'warning']);
    expect(rowLevel(sorted.byRow.get(7))).toBe('error');
    expect(rowLevel(sorted.byRow.get(9))).toBe('warning');
    expect(rowLevel(sorted.byRow.get(8))).toBeNull();
  });

  it("keeps apart the plan's own errors and those of rows that are not tasks, so none is hidden", () => {
    const year = { row: null, field: 'year' as const, message: 'Không xác định được năm' };
    const header = {
      row: 3,
      field: 'content' as const,
      message: "Bảng nhiệm vụ thiếu cột 'Nội dung'",
    };
    const sorted = sortProblems([header, year], warnings, tasks);
    expect(sorted.plan.map(describeProblem)).toEqual([
      "Dòng 3, Nội dung: Bảng nhiệm vụ thiếu cột 'Nội dung'",
      'Năm: Không xác định được năm',
      'Số kế hoạch: Không tìm thấy số kế hoạch',
    ]);
    expect(sorted.plan.map((problem) => problem.level)).toEqual(['error', 'error', 'warning']);
  });

  it('names the row and the column in Vietnamese', () => {
    expect(describeProblem(errors[0])).toBe(
      'Dòng 7, Đơn vị chủ trì: Không rõ đơn vị chủ trì "Phòng X"',
    );
    expect(describeProblem(warnings[1])).toBe('Dòng 9: Dòng trống giữa bảng');
    expect(describeProblem(warnings[2])).toBe('Số kế hoạch: Không tìm thấy số kế hoạch');
  });
});

describe('preselected plan kind', () => {
  const suggestedKind = { kind: 'par_index' as const, reason: 'Tên kế hoạch có "Chỉ số CCHC"' };
  const kept = { kind: 'reform', reason: 'loại của kế hoạch đang điều chỉnh' };

  it("takes the title's suggestion for a new plan", () => {
    expect(preselectedKind({ suggestedKind, matchedPlan: null }, undefined)).toEqual(suggestedKind);
  });

  it('keeps the kind of the plan being amended, picked or matched by the preview', () => {
    expect(preselectedKind({ suggestedKind, matchedPlan: null }, { kind: 'reform' })).toEqual(kept);
    const matchedPlan = { id: 'p1', kind: 'reform' as const };
    expect(preselectedKind({ suggestedKind, matchedPlan }, undefined)).toEqual(kept);
  });
});

describe('the plan year field', () => {
  const missing = { row: null, field: 'year' as const, message: 'Không xác định được năm' };
  const noYear = { plan: { number: null, title: 'KẾ HOẠCH', year: null, issueDate: null } };
  const read = (year: number) => ({ plan: { ...noYear.plan, year }, errors: [] });

  it("shows the year the preview used, and the preview's error when it found none", () => {
    expect(planYearState(read(2026), null, undefined, undefined)).toEqual({
      value: '2026',
      unapplied: false,
      status: null,
    });
    expect(planYearState({ ...noYear, errors: [missing] }, null, undefined, undefined)).toEqual({
      value: '',
      unapplied: false,
      status: { level: 'error', message: 'Không xác định được năm' },
    });
  });

  it('asks for a new preview of a year typed, and is settled once the preview used it', () => {
    const typed = planYearState({ ...noYear, errors: [missing] }, null, undefined, '2026');
    expect(typed).toMatchObject({ value: '2026', unapplied: true, status: { level: 'warning' } });
    expect(planYearState(read(2026), null, 2026, '2026')).toMatchObject({
      unapplied: false,
      status: null,
    });
    // Typing the year the document names changes nothing; clearing a year sent does.
    expect(planYearState(read(2026), null, undefined, '2026').unapplied).toBe(false);
    expect(planYearState(read(2027), null, 2027, '').unapplied).toBe(true);
  });

  it("shows the API's refusal of the year sent beside the field", () => {
    const refusal = new ApiError(400, {
      message: 'Dữ liệu không hợp lệ: year: year phải là năm từ 1902 đến 2197',
      fields: [{ field: 'year', message: 'year phải là năm từ 1902 đến 2197' }],
    });
    expect(refusesYear(refusal)).toBe(true);
    expect(planYearState(undefined, refusal, 2300, '2300')).toEqual({
      value: '2300',
      unapplied: false,
      // Beside "Năm kế hoạch", the message need not say "year".
      status: { level: 'error', message: 'phải là năm từ 1902 đến 2197' },
    });
    expect(refusesYear(new ApiError(413, { message: 'Tệp quá lớn' }))).toBe(false);
  });

  it('says how to fix what blocks the import: the year here, the rest in the file', () => {
    const file = { row: 3, field: 'table' as const, message: 'Không có bảng' };
    expect(howToFix([missing])).toBe(
      'Nhập Năm kế hoạch rồi bấm “Xem trước lại”: nhập kế hoạch khi còn lỗi sẽ không ghi gì.',
    );
    expect(howToFix([file])).toBe(
      'Sửa các lỗi trong tệp rồi chọn lại tệp: nhập kế hoạch khi còn lỗi sẽ không ghi gì.',
    );
    expect(howToFix([missing, file])).toMatch(/^Nhập Năm kế hoạch .*; sửa các lỗi trong tệp/);
  });
});

describe('preview summary and overdue warning', () => {
  const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ sourceRow: i + 1 }));
  const counts = {
    tasks: rows(22),
    areas: rows(7),
    warnings: rows(3) as unknown as PlanProblem[],
    errors: [] as PlanProblem[],
    tasksToCreate: 43,
    matchedPlan: null,
  } as unknown as Parameters<typeof previewSummary>[0];

  it('says how many tasks the rows become, not only the rows', () => {
    expect(previewSummary(counts)).toBe(
      '22 dòng nhiệm vụ → 43 nhiệm vụ sẽ được tạo, 7 lĩnh vực, 3 cảnh báo, 0 lỗi',
    );
  });

  it('promises no tasks while there are errors, nor for an amendment (its diff says)', () => {
    const error = { row: 4, field: 'leadUnit', message: 'Không rõ đơn vị' } as PlanProblem;
    expect(previewSummary({ ...counts, errors: [error] })).toBe(
      '22 dòng nhiệm vụ, 7 lĩnh vực, 3 cảnh báo, 1 lỗi',
    );
    expect(previewSummary(counts, true)).toMatch(/^22 dòng nhiệm vụ \(điều chỉnh kế hoạch đã nhập/);
    expect(previewSummary({ ...counts, matchedPlan: { id: 'p', kind: 'reform' } })).not.toContain(
      'sẽ được tạo',
    );
  });

  it("warns of tasks overdue on import by the server's day, and only then", () => {
    const overdue: Parameters<typeof overdueOnImportWarning>[0] = {
      overdueOnImport: 2,
      today: '2026-01-20',
      errors: [],
      matchedPlan: null,
    };
    const warning = overdueOnImportWarning({ ...overdue, overdueOnImport: 43 });
    expect(warning?.message).toBe(
      '43 nhiệm vụ đã quá hạn ngay khi nhập (thời hạn trước ngày 20/01/2026)',
    );
    expect(warning?.description).toContain('chuyển cấp trên xử lý');
    expect(overdueOnImportWarning({ ...overdue, overdueOnImport: 0 })).toBe(null);
    const error = { row: 4, field: 'leadUnit', message: 'Không rõ đơn vị' } as PlanProblem;
    expect(overdueOnImportWarning({ ...overdue, errors: [error] })).toBeNull();
    // A plan picked to amend that the preview did not compare the file with: not its count.
    expect(overdueOnImportWarning(overdue, true)).toBeNull();
    expect(
      overdueOnImportWarning({ ...overdue, matchedPlan: { id: 'p', kind: 'reform' } }, true),
    ).not.toBeNull();
  });
});
