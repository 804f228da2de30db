import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Min } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** GET /escalations filters; from/to bound the day the step fired (Vietnam time), inclusive. */
export class ListEscalationsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'level phải là số nguyên' })
  @Min(1, { message: 'level phải từ 1' })
  level?: number;

  @ApiPropertyOptional({ enum: ['remind', 'deadline', 'escalate'] })
  @IsOptional()
  @IsIn(['remind', 'deadline', 'escalate'], {
    message: 'kind phải là remind, deadline hoặc escalate',
  })
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'leadUnitId phải là mã đơn vị (UUID)' })
  leadUnitId?: string;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from phải có dạng YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to phải có dạng YYYY-MM-DD' })
  to?: string;
}
