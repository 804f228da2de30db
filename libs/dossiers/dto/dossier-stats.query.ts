import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period is the receipt date; both ends are included. */
export class DossierStatsQuery {
  @ApiPropertyOptional({ description: 'Chỉ một đơn vị xử lý' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId phải là UUID' })
  unitId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Tiếp nhận từ ngày' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from phải là ngày dạng YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Tiếp nhận đến ngày' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to phải là ngày dạng YYYY-MM-DD' })
  to?: string;
}
