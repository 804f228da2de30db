import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsStrictBoolean, KeysetPageQuery } from '@cchc/common';

/** `GET /notifications`: newest first, a page at a time (`cursor`: the page after). */
export class ListNotificationsQuery extends KeysetPageQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'true: chỉ thông báo chưa đọc' })
  @IsOptional()
  @IsStrictBoolean()
  unread?: boolean;
}
