import { Descriptions } from 'antd';
import { formatIsoDate } from '../common/format';
import type { Report } from './types';

/** A report's state, period, due dates, number and sending, as the ward and the province read them. */
export function ReportFacts({ report }: { report: Report }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      items={[
        { key: 'state', label: 'Trạng thái', children: report.stateLabel },
        {
          key: 'period',
          label: 'Số liệu',
          children: `${formatIsoDate(report.from)} – ${formatIsoDate(report.cutoffDate)}`,
        },
        {
          key: 'contributionDue',
          label: 'Đơn vị gửi trước',
          children: formatIsoDate(report.contributionDueDate),
        },
        {
          key: 'upstreamDue',
          label: 'Gửi cấp trên trước',
          children: formatIsoDate(report.upstreamDueDate),
        },
        { key: 'number', label: 'Số văn bản', children: report.number ?? 'Chưa ký' },
        {
          key: 'sent',
          label: 'Ngày gửi cấp trên',
          children: report.sentOn
            ? `${formatIsoDate(report.sentOn)}${report.late ? ' (quá hạn)' : ''}`
            : 'Chưa gửi',
        },
      ]}
    />
  );
}
