import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, IsNotBefore } from '@cchc/common';

/** The period is the receipt date; both ends are included. */
export class DossierStatsQuery {
  @ApiPropertyOptional({ description: 'Chỉ một đơn vị xử lý' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId phải là UUID' })
  unitId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Tiếp nhận từ ngày' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Tiếp nhận đến ngày' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('from')
  to?: string;
}
