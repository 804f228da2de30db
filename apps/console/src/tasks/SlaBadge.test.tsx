import { render, screen } from '@testing-library/react';
import { SlaBadge } from './SlaBadge';

describe('SlaBadge', () => {
  it.each([
    [{ status: 'onTrack', workingDaysLeft: 7, workingDaysOverdue: null }, 'Còn 7 ngày làm việc'],
    [{ status: 'dueSoon', workingDaysLeft: 2, workingDaysOverdue: null }, 'Còn 2 ngày làm việc'],
    [{ status: 'dueSoon', workingDaysLeft: 0, workingDaysOverdue: null }, 'Đến hạn hôm nay'],
    [
      { status: 'overdue', workingDaysLeft: null, workingDaysOverdue: 4 },
      'Quá hạn 4 ngày làm việc',
    ],
    [
      { status: 'reportedOnTime', workingDaysLeft: null, workingDaysOverdue: null },
      'Đã báo cáo đúng hạn',
    ],
    [
      { status: 'completedLate', workingDaysLeft: null, workingDaysOverdue: 3 },
      'Hoàn thành quá hạn',
    ],
    [{ status: 'none', workingDaysLeft: null, workingDaysOverdue: null }, 'Không có thời hạn'],
  ] as const)('shows %j as "%s"', (sla, text) => {
    render(<SlaBadge sla={sla} />);
    expect(screen.getByText(text)).toBeTruthy();
  });
});
