import type { PlanProblem } from '../api/types';
import { describeProblem, preselectedKind, rowLevel, sortProblems } from './plan-import-view';

describe('plan import problems', () => {
  const errors: PlanProblem[] = [
    { row: 7, field: 'leadUnit', message: 'Không rõ đơn vị chủ trì "Phòng X"' },
  ];
  const warnings: PlanProblem[] = [
    { row: 7, field: 'deadline', message: 'Không đọc được thời hạn' },
    { row: 9, field: null, message: 'Dòng trống giữa bảng' },
    { row: null, field: 'number', message: 'Không tìm thấy số kế hoạch' },
  ];

  it('puts each problem beside its row, errors first, and keeps plan-wide ones apart', () => {
    const sorted = sortProblems(errors, warnings);
    expect(sorted.plan.map((problem) => problem.field)).toEqual(['number']);
    expect(sorted.byRow.get(7)?.map((problem) => problem.level)).toEqual(['error', 'warning']);
    expect(rowLevel(sorted.byRow.get(7))).toBe('error');
    expect(rowLevel(sorted.byRow.get(9))).toBe('warning');
    expect(rowLevel(sorted.byRow.get(8))).toBeNull();
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

  it("takes the title's suggestion for a new plan", () => {
    expect(preselectedKind({ suggestedKind }, undefined)).toEqual(suggestedKind);
  });

  it('keeps the kind of the plan being amended', () => {
    expect(preselectedKind({ suggestedKind }, { kind: 'reform' })).toEqual({
      kind: 'reform',
      reason: 'loại của kế hoạch đang điều chỉnh',
    });
  });
});
