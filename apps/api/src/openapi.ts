import { applyDecorators, INestApplication } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  DocumentBuilder,
  OpenAPIObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { SESSION_COOKIE } from '@cchc/auth';

/*
 * The OpenAPI conventions of every controller (checked by `npm run api:types:check`, which
 * runs `redocly lint` on the document):
 *   - each route has `@ApiOperation({ summary: '…' })` in Vietnamese and a typed response
 *     (a class with `@ApiProperty`, `type: [X]` for arrays; never a bare object: a property
 *     typed by an alias such as IsoDate or a union such as `string | null` needs `type: String`);
 *   - a controller whose routes need a signed-in user is decorated `@ApiSignedIn()` (401, 403),
 *     and each route lists the other refusals it can give: `@ApiErrors(400, 404, 409, 413)`
 *     (400 when it takes a body, query or path value; 404 when it takes an id; 409 for
 *     transitions and conflicts; 413 for uploads);
 *   - a route that answers with a file says which: `@ApiFile('application/pdf', …)`;
 *   - a public route says so with `@ApiOperation({ summary, security: [] })`.
 * After changing a controller or a response class, run `npm run api:types`.
 */

/** One field a validation failure names. */
export class FieldErrorDto {
  @ApiProperty({ example: 'dueDate' })
  field: string;

  @ApiProperty({ example: 'dueDate phải là ngày dạng YYYY-MM-DD' })
  message: string;
}

/** Every 4xx answer, as HttpErrorsFilter writes it. */
export class ErrorDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Dữ liệu không hợp lệ: dueDate: dueDate phải là ngày dạng YYYY-MM-DD' })
  message: string;

  @ApiPropertyOptional({ example: 'ValidationFailed' })
  error?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Các trường sai (lỗi 400)' })
  fields?: FieldErrorDto[];

  @ApiPropertyOptional({ description: 'Trạng thái hiện tại khi sự kiện bị từ chối' })
  state?: string;

  @ApiPropertyOptional({ example: 'Đang thực hiện' })
  stateLabel?: string;

  @ApiPropertyOptional({ type: [String], description: 'Các sự kiện được phép ở trạng thái này' })
  allowedEvents?: string[];

  @ApiPropertyOptional({ description: 'Phiên bản hiện tại khi có người khác đã thao tác trước' })
  currentVersion?: number;
}

const ERROR_DESCRIPTIONS = {
  400: 'Dữ liệu không hợp lệ (thông báo nêu trường sai)',
  401: 'Chưa đăng nhập hoặc phiên đã hết hạn',
  403: 'Không được phép (vai trò, phạm vi, hoặc mật khẩu dùng một lần chưa được đổi)',
  404: 'Không tìm thấy trong phường',
  409: 'Xung đột: trạng thái không cho phép, hoặc người khác đã thao tác trước',
  413: 'Tệp hoặc nội dung quá lớn',
  415: 'Kiểu nội dung không được hỗ trợ',
  429: 'Quá nhiều lần thử; hãy đợi rồi thử lại',
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** The refusals a route (or every route of a controller) can answer, with the error body. */
export function ApiErrors(...statuses: ErrorStatus[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], type: ErrorDto }),
    ),
  );
}

/** A 200 answer that is a file (download) of one of these media types. */
export function ApiFile(...mediaTypes: string[]) {
  const binary = { schema: { type: 'string', format: 'binary' } };
  return ApiOkResponse({
    description: 'Tệp',
    content: Object.fromEntries(mediaTypes.map((type) => [type, binary])),
  });
}

/**
 * The controller needs a signed-in user: a Bearer token, or the console's session cookie. 403
 * too, since every route refuses a user who has not yet replaced a one-time password.
 */
export function ApiSignedIn() {
  return applyDecorators(ApiBearerAuth(), ApiCookieAuth(), ApiErrors(401, 403));
}

/** The API's OpenAPI document, as /docs serves it and `npm run api:types` writes it. */
export function apiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('CCHC workflow API')
      .setDescription('Nhiệm vụ cải cách hành chính và hồ sơ thủ tục hành chính của phường')
      .setVersion('0.1.0')
      .addServer('/', 'Cùng địa chỉ với bảng điều khiển web')
      .addBearerAuth()
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
}
