import { ApiError } from '../api/http';
import { apiFieldErrors, apiRowProblems } from './field-errors';

describe('the fields a refusal names', () => {
  it('places each message at its field, list positions as numbers', () => {
    const refusal = new ApiError(400, {
      message: 'Dữ liệu không hợp lệ',
      fields: [
        { field: 'topics.2.code', message: 'mã bị trùng' },
        { field: 'topics.2.code', message: 'quá dài' },
        { field: 'title', message: 'trống' },
      ],
    });
    expect(apiFieldErrors(refusal)).toEqual([
      { name: ['topics', 2, 'code'], errors: ['mã bị trùng', 'quá dài'] },
      { name: ['title'], errors: ['trống'] },
    ]);
  });

  it('drops the property name a message starts with: the field beside it has its own label', () => {
    const refusal = new ApiError(400, {
      message: 'Dữ liệu không hợp lệ',
      fields: [
        { field: 'score', message: 'score phải là số có tối đa 2 chữ số thập phân' },
        { field: 'topics.2.code', message: 'code dài quá 20 ký tự' },
        { field: 'topics.2.code', message: 'topics.2.code bị trùng' },
        // Only a leading whole word that is the field's name; nothing else changes.
        { field: 'rate', message: 'rates phải từ 0 đến 100 (%)' },
        { field: 'year', message: 'Năm year không hợp lệ' },
        { field: 'note', message: 'note' },
        { field: 'extra', message: 'trường extra không được hỗ trợ' },
      ],
    });
    expect(apiFieldErrors(refusal)).toEqual([
      { name: ['score'], errors: ['phải là số có tối đa 2 chữ số thập phân'] },
      { name: ['topics', 2, 'code'], errors: ['dài quá 20 ký tự', 'bị trùng'] },
      { name: ['rate'], errors: ['rates phải từ 0 đến 100 (%)'] },
      { name: ['year'], errors: ['Năm year không hợp lệ'] },
      { name: ['note'], errors: ['note'] },
      { name: ['extra'], errors: ['trường extra không được hỗ trợ'] },
    ]);
  });

  it('names nothing for a refusal without fields or another error', () => {
    expect(apiFieldErrors(new ApiError(403, { message: 'Không được phép' }))).toEqual([]);
    expect(apiFieldErrors(new Error('mạng'))).toEqual([]);
  });
});

describe('the problems a refused file import lists', () => {
  // As POST /plans/import refuses a plan with errors (HttpErrorsFilter: PlanImportError).
  const planRefusal = new ApiError(400, {
    error: 'PlanImport',
    message: 'Không nhập được kế hoạch: 2 lỗi, lỗi đầu tiên — Không xác định được năm …',
    errors: [
      { row: null, field: 'year', message: 'Không xác định được năm của kế hoạch; cần chọn năm.' },
      { row: 12, field: 'leadUnit', message: "Không nhận ra đơn vị chủ trì 'Phòng XYZ'." },
    ],
  });

  it("reads the plan import's errors by row and field, and the other imports' problems", () => {
    expect(apiRowProblems(planRefusal)).toEqual([
      { row: null, field: 'year', message: 'Không xác định được năm của kế hoạch; cần chọn năm.' },
      { row: 12, field: 'leadUnit', message: "Không nhận ra đơn vị chủ trì 'Phòng XYZ'." },
    ]);
    const targets = new ApiError(400, {
      message: 'Không nhập chỉ tiêu: 1 lỗi',
      problems: [{ row: 3, field: 'value', message: 'value phải là số' }],
    });
    // Without labels the message keeps its property name: the column shows it as is.
    expect(apiRowProblems(targets)).toEqual([
      { row: 3, field: 'value', message: 'value phải là số' },
    ]);
  });

  it("lists the request's refused fields without a row, dropping the name a label replaces", () => {
    const refusal = new ApiError(400, {
      error: 'ValidationFailed',
      message: 'Dữ liệu không hợp lệ: planId: planId phải là UUID của kế hoạch; …',
      fields: [
        { field: 'planId', message: 'planId phải là UUID của kế hoạch' },
        { field: 'dryRun', message: 'dryRun phải là true hoặc false' },
      ],
    });
    expect(apiRowProblems(refusal, { planId: 'Kế hoạch điều chỉnh' })).toEqual([
      { row: null, field: 'planId', message: 'phải là UUID của kế hoạch' },
      { row: null, field: 'dryRun', message: 'dryRun phải là true hoặc false' },
    ]);
  });

  it('lists nothing for another refusal, a failure to connect, or entries that are not problems', () => {
    expect(apiRowProblems(new ApiError(409, { message: 'Đã có kế hoạch' }))).toEqual([]);
    expect(apiRowProblems(new Error('mạng'))).toEqual([]);
    expect(apiRowProblems(new ApiError(400, { message: 'x', errors: ['a', 1, null] }))).toEqual([]);
  });
});
