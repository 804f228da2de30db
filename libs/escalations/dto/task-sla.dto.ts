import { ApiProperty } from '@nestjs/swagger';
import { SLA_STATUSES, SlaStatus } from '@cchc/domain';
import { TaskViewDto } from '@cchc/tasks';
import { TaskSla } from '../task-sla';

export class TaskSlaDto implements TaskSla {
  @ApiProperty({ enum: SLA_STATUSES })
  status: SlaStatus;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Số ngày làm việc còn lại đến hạn (0 vào chính ngày hạn)',
  })
  workingDaysLeft: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Số ngày làm việc đã quá hạn' })
  workingDaysOverdue: number | null;
}

/** A task with its working-day SLA badge. */
export class TaskWithSlaDto extends TaskViewDto {
  @ApiProperty({ type: TaskSlaDto })
  sla: TaskSlaDto;
}
