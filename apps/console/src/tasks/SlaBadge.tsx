import { Tag } from 'antd';
import type { Sla } from '../api/types';

/** The working-day SLA of a task, as the API computed it with the working calendar. */
export function SlaBadge({ sla }: { sla: Sla | undefined }) {
  if (!sla) return null;
  switch (sla.status) {
    case 'onTrack':
      return <Tag className="tone-good">Còn {sla.workingDaysLeft} ngày làm việc</Tag>;
    case 'dueSoon':
      return (
        <Tag className="tone-warning">
          {sla.workingDaysLeft === 0
            ? 'Đến hạn hôm nay'
            : `Còn ${sla.workingDaysLeft} ngày làm việc`}
        </Tag>
      );
    case 'overdue':
      return <Tag className="tone-bad">Quá hạn {sla.workingDaysOverdue} ngày làm việc</Tag>;
    case 'reportedOnTime':
      return <Tag className="tone-info">Đã báo cáo đúng hạn</Tag>;
    case 'completedLate':
      return <Tag className="tone-late">Hoàn thành quá hạn</Tag>;
    case 'completedOnTime':
      return <Tag className="tone-info">Hoàn thành đúng hạn</Tag>;
    default:
      return <Tag className="sla">Không có thời hạn</Tag>;
  }
}
