import { ApiProperty } from '@nestjs/swagger';
import { TaskWithSlaDto } from '@cchc/escalations';

/** One page of the task list, each task with its SLA badge. */
export class TaskPageDto {
  @ApiProperty({ type: [TaskWithSlaDto] })
  items: TaskWithSlaDto[];

  @ApiProperty({
    description:
      'Số nhiệm vụ khớp bộ lọc, đếm tới 1000, tới 100 khi tìm theo chữ (totalCapped: còn nhiều hơn)',
  })
  total: number;

  @ApiProperty({ description: 'true: hơn `total` nhiệm vụ khớp bộ lọc' })
  totalCapped: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Truyền vào cursor để lấy trang kế tiếp; null ở trang cuối',
  })
  nextCursor: string | null;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;
}
