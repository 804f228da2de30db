import { uploadMessage } from './http-errors.filter';

describe('uploadMessage', () => {
  it.each([
    [
      'Unexpected file field - other',
      "Không nhận tệp (trường 'other'): tệp phải được gửi trong trường 'file' (multipart/form-data).",
    ],
    [
      'Unexpected field',
      "Không nhận tệp: tệp phải được gửi trong trường 'file' (multipart/form-data).",
    ],
    ['Too many files - file', "Chỉ được tải lên một tệp mỗi lần (trường 'file')."],
    ['File too large', 'Tệp tải lên vượt quá dung lượng cho phép.'],
    ['Field value too long - note', "Giá trị quá dài (trường 'note')."],
    [
      'Multipart: Boundary not found',
      "Tiêu đề Content-Type thiếu 'boundary' của multipart/form-data; hãy để trình duyệt hoặc thư viện HTTP tự đặt tiêu đề này.",
    ],
    [
      'Multipart: Unexpected end of form',
      'Nội dung multipart/form-data bị cắt giữa chừng (thiếu ranh giới kết thúc).',
    ],
  ])('says %j in Vietnamese, naming the field', (english, vietnamese) => {
    expect(uploadMessage(english)).toBe(vietnamese);
  });

  it('leaves other messages alone', () => {
    expect(uploadMessage('file: cần gửi tệp')).toBeNull();
    expect(uploadMessage('Too many files, really')).toBeNull();
  });
});
