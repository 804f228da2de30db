import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { KeysetPage } from '@cchc/common';

/** How a list's page speaks of its rows: the count's cap and what the next page holds. */
export interface KeysetPageWording {
  /** e.g. 'Số hồ sơ khớp bộ lọc, đếm tới 1000 (totalCapped: còn nhiều hơn)' */
  total: string;
  /** e.g. 'true: hơn `total` hồ sơ khớp bộ lọc' */
  totalCapped: string;
  /** What `nextCursor` brings, when it is more than "the next page". */
  nextCursor?: string;
}

/**
 * The documented shape of one keyset page of `item` (libs/common KeysetPage), so every list's
 * page is described the same way: `class TaskPageDto extends KeysetPageDto(TaskDto, {...}) {}`.
 */
export function KeysetPageDto<T>(item: Type<T>, wording: KeysetPageWording) {
  abstract class KeysetPageOf implements KeysetPage<T> {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ description: wording.total })
    total: number;

    @ApiProperty({ description: wording.totalCapped })
    totalCapped: boolean;

    @ApiProperty({
      type: String,
      nullable: true,
      description:
        wording.nextCursor ?? 'Truyền vào cursor để lấy trang kế tiếp; null ở trang cuối',
    })
    nextCursor: string | null;

    @ApiProperty({ example: 1 })
    page: number;

    @ApiProperty({ example: 20 })
    pageSize: number;
  }
  return KeysetPageOf;
}
