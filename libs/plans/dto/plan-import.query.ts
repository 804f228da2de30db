import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsStrictBoolean, PLANNABLE_RANGE } from '@cchc/common';
import { PLAN_KINDS, PlanKind } from '@cchc/domain';

const FIRST_YEAR = Number(PLANNABLE_RANGE.first.slice(0, 4));
const LAST_YEAR = Number(PLANNABLE_RANGE.last.slice(0, 4));
const YEAR_MESSAGE = `year phải là năm từ ${FIRST_YEAR} đến ${LAST_YEAR}`;

/** POST /plans/import?dryRun=&year=&planId=&confirm= */
export class PlanImportQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'true: chỉ xem trước, không ghi gì' })
  @IsOptional()
  @IsStrictBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    description: 'Năm của kế hoạch khi văn bản không ghi',
    minimum: FIRST_YEAR,
    maximum: LAST_YEAR,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: YEAR_MESSAGE })
  @Min(FIRST_YEAR, { message: YEAR_MESSAGE })
  @Max(LAST_YEAR, { message: YEAR_MESSAGE })
  year?: number;

  @ApiPropertyOptional({ description: 'Kế hoạch cần điều chỉnh' })
  @IsOptional()
  @IsUUID('all', { message: 'planId phải là UUID của kế hoạch' })
  planId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: áp dụng phần điều chỉnh' })
  @IsOptional()
  @IsStrictBoolean()
  confirm?: boolean;

  @ApiPropertyOptional({
    enum: PLAN_KINDS,
    description:
      'par_index: kế hoạch thực hiện Chỉ số CCHC (số thứ tự là mã tiêu chí); mặc định reform khi tạo mới, giữ nguyên khi điều chỉnh',
  })
  @IsOptional()
  @IsIn(PLAN_KINDS, { message: `kind phải là một trong: ${PLAN_KINDS.join(', ')}` })
  kind?: PlanKind;
}
