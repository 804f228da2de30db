import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate, IsNotBefore } from '@cchc/common';

/** GET /escalations filters; from/to bound the day the step fired (Vietnam time), inclusive. */
export class ListEscalationsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'level phải là số nguyên' })
  @Min(1, { message: 'level phải từ 1' })
  @Max(10, { message: 'level tối đa là 10' })
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
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('from')
  to?: string;
}
