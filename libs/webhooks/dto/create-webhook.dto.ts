import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  IsUrl,
  Length,
  Matches,
} from 'class-validator';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://eoffice.example.gov.vn/hooks/cchc' })
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    {
      message: 'url: phải là địa chỉ http(s) đầy đủ',
    },
  )
  url: string;

  @ApiProperty({ description: 'Khóa ký HMAC-SHA256 (16–255 ký tự)' })
  @IsString()
  @Length(16, 255, { message: 'secret: cần từ 16 đến 255 ký tự' })
  secret: string;

  @ApiProperty({
    example: ['task.overdue', 'task.escalated'],
    description: "Loại sự kiện, hoặc '*'",
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'events: cần ít nhất một loại sự kiện' })
  @ArrayMaxSize(50)
  @Matches(/^(\*|[a-z][a-z0-9-]*(\.[a-z0-9-]+)*)$/, {
    each: true,
    message: "events: mỗi loại sự kiện có dạng 'task.overdue' hoặc '*'",
  })
  events: string[];
}
