import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';

/** Every event the product publishes to webhooks; `*` subscribes to all of them. */
export const WEBHOOK_EVENT_TYPES = [
  'task.reminder',
  'task.overdue',
  'task.escalated',
  'dossier.apology.issued',
] as const;

const SUBSCRIBABLE = ['*', ...WEBHOOK_EVENT_TYPES];

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://eoffice.example.gov.vn/hooks/cchc', maxLength: 2000 })
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    {
      message: 'url: phải là địa chỉ http(s) đầy đủ',
    },
  )
  @MaxLength(2000, { message: 'url: dài quá 2000 ký tự' })
  url: string;

  @ApiProperty({ description: 'Khóa ký HMAC-SHA256 (16–255 ký tự)' })
  @IsString()
  @Length(16, 255, { message: 'secret: cần từ 16 đến 255 ký tự' })
  // A key in the standard's `whsec_<base64>` form must be base64, or no delivery could be signed.
  @Matches(
    /^(?!whsec_)[\s\S]*$|^whsec_(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
    {
      message: 'secret: khóa dạng whsec_ phải là chuỗi base64 hợp lệ',
    },
  )
  secret: string;

  @ApiProperty({
    example: ['task.overdue', 'task.escalated'],
    enum: SUBSCRIBABLE,
    isArray: true,
    description: "Loại sự kiện, hoặc '*'",
  })
  @IsArray({ message: 'events: phải là danh sách loại sự kiện' })
  @ArrayMinSize(1, { message: 'events: cần ít nhất một loại sự kiện' })
  @ArrayMaxSize(SUBSCRIBABLE.length, { message: 'events: quá nhiều loại sự kiện' })
  @ArrayUnique({ message: 'events: có loại sự kiện trùng nhau' })
  @IsIn(SUBSCRIBABLE, {
    each: true,
    message: `events: mỗi loại sự kiện phải là một trong: ${SUBSCRIBABLE.join(', ')}`,
  })
  events: string[];
}
