import { ApiProperty } from '@nestjs/swagger';
import { TaskWithSlaDto } from '@cchc/escalations';

/** One page of the task list, each task with its SLA badge. */
export class TaskPageDto {
  @ApiProperty({ type: [TaskWithSlaDto] })
  items: TaskWithSlaDto[];

  @ApiProperty({ description: 'Tổng số nhiệm vụ khớp bộ lọc' })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;
}
