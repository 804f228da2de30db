import { assertImportable, PlanImportError } from './plan-import-error';
import type { PlanPreview } from './types';

const preview = (errors: PlanPreview['errors']): PlanPreview => ({
  plan: { number: null, title: null, year: 2026, issueDate: null },
  areas: [],
  tasks: [],
  warnings: [{ row: 3, field: 'leadUnit', message: 'Chưa có đơn vị chủ trì.' }],
  errors,
});

describe('assertImportable', () => {
  it('lets a preview with warnings only through', () => {
    expect(() => assertImportable(preview([]))).not.toThrow();
  });

  it('throws the errors as a PlanImportError', () => {
    const errors = [
      { row: 1, field: 'leadUnit' as const, message: "Bảng nhiệm vụ thiếu cột 'Cơ quan chủ trì'." },
    ];
    const attempt = () => assertImportable(preview(errors));
    expect(attempt).toThrow(PlanImportError);
    expect(attempt).toThrow("Bảng nhiệm vụ thiếu cột 'Cơ quan chủ trì'.");
    try {
      attempt();
    } catch (error) {
      expect((error as PlanImportError).problems).toEqual(errors);
    }
  });

  it('sums several errors up in its message, each kept with its row in `problems`', () => {
    const errors = [
      { row: 243, field: 'leadUnit' as const, message: "Không nhận ra đơn vị chủ trì 'TT DVSNC'." },
      { row: 248, field: 'leadUnit' as const, message: "Không nhận ra đơn vị chủ trì 'Phòng X'." },
    ];
    const error = new PlanImportError(errors);
    expect(error.message).toBe(
      "Không nhập được kế hoạch: 2 lỗi, lỗi đầu tiên — Dòng 243: Không nhận ra đơn vị chủ trì 'TT DVSNC'.",
    );
    expect(error.problems).toEqual(errors);
  });
});
