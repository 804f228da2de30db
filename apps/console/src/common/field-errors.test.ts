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
