import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsStrictBoolean } from '@cchc/common';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'true: chỉ thông báo chưa đọc' })
  @IsOptional()
  @IsStrictBoolean()
  unread?: boolean;
}
