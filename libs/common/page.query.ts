import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Pages beyond this are refused: 10,000 pages of 200 rows is more than any ward holds. */
export const MAX_PAGE = 10_000;
export const MAX_PAGE_SIZE = 200;

/** `?page=&pageSize=` of every list endpoint; list queries extend it. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page phải là số nguyên' })
  @Min(1, { message: 'page phải từ 1' })
  @Max(MAX_PAGE, { message: `page tối đa là ${MAX_PAGE}` })
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize phải là số nguyên' })
  @Min(1, { message: 'pageSize phải từ 1' })
  @Max(MAX_PAGE_SIZE, { message: `pageSize tối đa là ${MAX_PAGE_SIZE}` })
  pageSize = 20;
}
