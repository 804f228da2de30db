import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@cchc/common';
import { DOSSIER_STATES, DossierState } from '@cchc/domain';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ListDossiersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DOSSIER_STATES })
  @IsOptional()
  @IsIn(DOSSIER_STATES, { message: `state phải là một trong: ${DOSSIER_STATES.join(', ')}` })
  state?: DossierState;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'handlingUnitId phải là UUID' })
  handlingUnitId?: string;

  @ApiPropertyOptional({ description: 'true: chỉ hồ sơ đang quá hạn hẹn trả' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue phải là true hoặc false' })
  overdue?: boolean;

  @ApiPropertyOptional({ example: '2026-02-01', description: 'Tiếp nhận từ ngày' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'receivedFrom phải là ngày dạng YYYY-MM-DD' })
  receivedFrom?: string;

  @ApiPropertyOptional({ example: '2026-02-28', description: 'Tiếp nhận đến ngày' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'receivedTo phải là ngày dạng YYYY-MM-DD' })
  receivedTo?: string;
}
