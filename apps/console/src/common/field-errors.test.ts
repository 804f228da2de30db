import { ApiError } from '../api/http';
import { apiFieldErrors } from './field-errors';

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

  it('names nothing for a refusal without fields or another error', () => {
    expect(apiFieldErrors(new ApiError(403, { message: 'Không được phép' }))).toEqual([]);
    expect(apiFieldErrors(new Error('mạng'))).toEqual([]);
  });
});
