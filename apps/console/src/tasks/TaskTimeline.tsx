import { Empty, Timeline, Typography } from 'antd';
import type { HistoryEntry } from '../api/types';
import { formatDateTime } from '../common/format';
import { ROLE_LABELS, stateLabel } from '../common/labels';
import { entryTitle } from './task-history';

/** The task's audit history: time, person (name and role), from → to, reason and report. */
export function TaskTimeline({ entries, loading }: { entries: HistoryEntry[]; loading: boolean }) {
  if (!loading && entries.length === 0) return <Empty description="Chưa có lịch sử" />;
  return (
    <Timeline
      pending={loading ? 'Đang tải…' : undefined}
      items={entries.map((entry) => ({
        key: entry.seq,
        children: (
          <div className="timeline-entry">
            <Typography.Text strong>{entryTitle(entry)}</Typography.Text>{' '}
            <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>
            <div>
              {entry.actorName ?? 'Hệ thống'}
              {entry.actorRole && entry.actorRole in ROLE_LABELS
                ? ` — ${ROLE_LABELS[entry.actorRole as keyof typeof ROLE_LABELS]}`
                : ''}
            </div>
            <div>
              {entry.from && entry.from !== entry.to ? `${stateLabel(entry.from)} → ` : ''}
              {stateLabel(entry.to)}
            </div>
            {entry.reason && <div>Lý do: {entry.reason}</div>}
            {typeof entry.payload?.report === 'string' && (
              <div>Báo cáo: {entry.payload.report}</div>
            )}
            {entry.attachments?.map((file) => (
              <div key={file.id}>
                Tệp đính kèm: <a href={`/evidence/${file.id}`}>{file.name}</a>
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
