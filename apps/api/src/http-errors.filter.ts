import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { Response } from 'express';
import { InvalidYearScheduleError, UnsupportedYearError } from '@cchc/calendar';
import { isDatabaseUnavailable, MAX_JSON_DEPTH } from '@cchc/common';
import { EventRefusedError, InstanceNotFoundError, StaleVersionError } from '@cchc/engine';
import { PlanImportError, UploadTooLargeError } from '@cchc/plan-import';
import { MAX_BODY_BYTES } from './request-limits';

/**
 * Multer's and busboy's own (English) refusals of a multipart upload, said in Vietnamese. Nest
 * passes them on as `<message>` or `<message> - <field>`; the field is named when known.
 */
const UPLOAD_MESSAGES: Record<string, (field: string) => string> = {
  'File too large': () => 'Tệp tải lên vượt quá dung lượng cho phép.',
  'Too many files': (field) => `Chỉ được tải lên một tệp mỗi lần${field}.`,
  // multer 2 says "Unexpected file field"; older releases "Unexpected field".
  'Unexpected file field': (field) =>
    `Không nhận tệp${field}: tệp phải được gửi trong trường 'file' (multipart/form-data).`,
  'Unexpected field': (field) =>
    `Không nhận tệp${field}: tệp phải được gửi trong trường 'file' (multipart/form-data).`,
  'Field name too long': () => 'Tên trường quá dài.',
  'Field value too long': (field) => `Giá trị quá dài${field}.`,
  'Too many fields': () => 'Biểu mẫu có quá nhiều trường.',
  'Too many parts': () => 'Yêu cầu có quá nhiều phần.',
  'Field name missing': () => 'Một phần của biểu mẫu không có tên trường.',
  'Field name nesting too deep': (field) => `Tên trường lồng quá sâu${field}.`,
  'Field name array index too large': (field) => `Chỉ số mảng trong tên trường quá lớn${field}.`,
  'Invalid field name': (field) => `Tên trường không hợp lệ${field}.`,
  'Multipart: Boundary not found': () =>
    "Tiêu đề Content-Type thiếu 'boundary' của multipart/form-data; hãy để trình duyệt hoặc thư viện HTTP tự đặt tiêu đề này.",
  'Multipart: Malformed part header': () =>
    'Tiêu đề của một phần trong nội dung multipart/form-data bị hỏng.',
  'Multipart: Unexpected end of form': () =>
    'Nội dung multipart/form-data bị cắt giữa chừng (thiếu ranh giới kết thúc).',
  'Multipart: Unexpected end of file': () => 'Tệp tải lên bị cắt giữa chừng.',
};

/** The Vietnamese of an upload refusal, or null when `message` is not one of multer's. */
export function uploadMessage(message: string): string | null {
  for (const [english, vietnamese] of Object.entries(UPLOAD_MESSAGES)) {
    if (message === english) return vietnamese('');
    if (message.startsWith(`${english} - `)) {
      return vietnamese(` (trường '${message.slice(english.length + 3)}')`);
    }
  }
  return null;
}

/**
 * Every error leaves as JSON a person can understand: what is wrong and, for refused events,
 * the current state and what may be done instead.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(error);
    response.status(status).json({ statusCode: status, ...body });
  }

  private describe(error: unknown): [number, Record<string, unknown>] {
    if (error instanceof HttpException) {
      const payload = error.getResponse();
      const body =
        typeof payload === 'string' ? { message: payload } : (payload as Record<string, unknown>);
      const upload = typeof body.message === 'string' ? uploadMessage(body.message) : null;
      return [error.getStatus(), upload ? { ...body, error: 'Upload', message: upload } : body];
    }
    const bodyError = describeBodyError(error);
    if (bodyError) return bodyError;
    if (error instanceof UnsupportedYearError) {
      return [HttpStatus.BAD_REQUEST, { error: 'UnsupportedYear', message: error.message }];
    }
    if (error instanceof InvalidYearScheduleError) {
      return [
        HttpStatus.BAD_REQUEST,
        { error: 'InvalidSchedule', message: error.message, fields: error.problems },
      ];
    }
    if (error instanceof UploadTooLargeError) {
      return [HttpStatus.PAYLOAD_TOO_LARGE, { error: 'UploadTooLarge', message: error.message }];
    }
    if (error instanceof PlanImportError) {
      return [
        HttpStatus.BAD_REQUEST,
        { error: 'PlanImport', message: error.message, errors: error.problems },
      ];
    }
    if (error instanceof InstanceNotFoundError)
      return [HttpStatus.NOT_FOUND, { message: error.message }];
    if (error instanceof StaleVersionError) {
      return [
        HttpStatus.CONFLICT,
        { error: 'StaleVersion', message: error.message, currentVersion: error.currentVersion },
      ];
    }
    if (error instanceof EventRefusedError) {
      const status = error.kind === 'role' ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
      return [
        status,
        {
          error: 'EventRefused',
          message: error.message,
          state: error.state,
          stateLabel: error.stateLabel,
          allowedEvents: error.allowedEvents,
        },
      ];
    }
    // Worth repeating later: a transition is all or nothing, and one that did commit answers 409.
    if (isDatabaseUnavailable(error)) {
      return [
        HttpStatus.SERVICE_UNAVAILABLE,
        {
          error: 'DatabaseUnavailable',
          message: 'Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại sau ít phút',
        },
      ];
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return [HttpStatus.INTERNAL_SERVER_ERROR, { message: 'Lỗi hệ thống; vui lòng thử lại sau' }];
  }
}

/** What body-parser's errors (tagged with `type`) mean for the client, in its words. */
const BODY_ERRORS: Record<string, [number, string]> = {
  'entity.too.large': [
    HttpStatus.PAYLOAD_TOO_LARGE,
    `Nội dung yêu cầu quá lớn (tối đa ${MAX_BODY_BYTES / 1024} KB)`,
  ],
  'entity.parse.failed': [HttpStatus.BAD_REQUEST, 'Nội dung yêu cầu không phải JSON hợp lệ'],
  'entity.not.utf8': [
    HttpStatus.BAD_REQUEST,
    'Nội dung yêu cầu không phải UTF-8 (có byte của bảng mã khác); hãy gửi văn bản mã hóa UTF-8',
  ],
  'entity.too.deep': [
    HttpStatus.BAD_REQUEST,
    `Nội dung JSON lồng quá sâu (tối đa ${MAX_JSON_DEPTH} cấp)`,
  ],
  'entity.verify.failed': [HttpStatus.BAD_REQUEST, 'Nội dung yêu cầu không hợp lệ'],
  'request.aborted': [HttpStatus.BAD_REQUEST, 'Yêu cầu bị ngắt giữa chừng'],
  'request.size.invalid': [HttpStatus.BAD_REQUEST, 'Độ dài nội dung không khớp Content-Length'],
  'parameters.too.many': [HttpStatus.PAYLOAD_TOO_LARGE, 'Biểu mẫu có quá nhiều trường'],
  'charset.unsupported': [
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'Bảng mã không được hỗ trợ; hãy gửi UTF-8',
  ],
  'encoding.unsupported': [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'Content-Encoding không được hỗ trợ'],
};

function describeBodyError(error: unknown): [number, Record<string, unknown>] | null {
  const type = (error as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  if (!known) return null;
  const [status, message] = known;
  return [status, { error: 'InvalidBody', message }];
}
