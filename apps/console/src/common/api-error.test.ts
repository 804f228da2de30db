import { ApiError } from '../api/http';
import { apiErrorMessage, readableMessage, UNREACHABLE } from './api-error';

const refusal = (message: string, status = 400) =>
  new ApiError(status, { statusCode: status, message });

describe('the API refusal as a person reads it', () => {
  it('names a known field by its Vietnamese label instead of its code', () => {
    expect(
      readableMessage(
        'newAppointmentDate: ngày 05/12/2026 không phải ngày làm việc (nghỉ cuối tuần, lễ hoặc Tết); ngày hẹn trả phải là ngày làm việc, ví dụ 07/12/2026',
      ),
    ).toBe(
      'Ngày hẹn trả mới: ngày 05/12/2026 không phải ngày làm việc (nghỉ cuối tuần, lễ hoặc Tết); ngày hẹn trả phải là ngày làm việc, ví dụ 07/12/2026',
    );
    expect(readableMessage('file: nội dung tệp không phải PDF')).toBe(
      'Tệp: nội dung tệp không phải PDF',
    );
  });

  it('drops an unknown field code, and class-validator’s repetition of it', () => {
    expect(readableMessage('weirdThing: không hợp lệ')).toBe('Không hợp lệ');
    expect(
      readableMessage(
        'Dữ liệu không hợp lệ: dueDate: dueDate phải là ngày dạng YYYY-MM-DD; topics.2.code: code không được để trống',
      ),
    ).toBe('Dữ liệu không hợp lệ: Thời hạn: phải là ngày dạng YYYY-MM-DD; Mã: không được để trống');
  });

  it('leaves Vietnamese text alone', () => {
    const plain = 'Dòng 2: Đơn vị: vai trò Cán bộ, công chức cần đơn vị công tác.';
    expect(readableMessage(plain)).toBe(plain);
    expect(readableMessage('Nhiệm vụ đã hoàn thành; không thể trả lại')).toBe(
      'Nhiệm vụ đã hoàn thành; không thể trả lại',
    );
  });

  it('takes labels a form passes', () => {
    expect(readableMessage('score: phải từ 0 đến 2', { score: 'Điểm tự chấm' })).toBe(
      'Điểm tự chấm: phải từ 0 đến 2',
    );
  });

  it('says the server was unreachable for anything but an API refusal', () => {
    expect(apiErrorMessage(refusal('file: nội dung tệp không phải PDF'))).toBe(
      'Tệp: nội dung tệp không phải PDF',
    );
    expect(apiErrorMessage(new TypeError('Failed to fetch'))).toBe(UNREACHABLE);
    expect(apiErrorMessage(new ApiError(502, {}), 'Không ký được phiếu')).toBe(
      'Không ký được phiếu',
    );
  });
});
