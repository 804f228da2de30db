import { TaskWithSlaDto } from '@cchc/escalations';
import { KeysetPageDto } from './keyset-page.dto';

/** One page of the task list, each task with its SLA badge. */
export class TaskPageDto extends KeysetPageDto(TaskWithSlaDto, {
  total:
    'Số nhiệm vụ khớp bộ lọc, đếm tới 1000, tới 100 khi tìm theo chữ (totalCapped: còn nhiều hơn)',
  totalCapped: 'true: hơn `total` nhiệm vụ khớp bộ lọc',
}) {}
