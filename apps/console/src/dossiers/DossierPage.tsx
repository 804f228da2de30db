import { useQuery, useQueryClient } from '@tanstack/react-query';
import { auditEventLabel } from '@cchc/domain';
import { Card, Descriptions, Empty, Result, Space, Spin, Timeline, Typography } from 'antd';
import { useParams } from 'react-router';
import { ApiError, data, http } from '../api/http';
import type { HistoryEntry } from '../api/types';
import { formatDateTime, formatIsoDate } from '../common/format';
import { ROLE_LABELS } from '../common/labels';
import { useUnits } from '../common/org';
import { ApologySlips } from './ApologySlips';
import { DossierStatus } from './DossierStatus';
import { apologyStatus, dossierStateLabel } from './labels';

function DossierTimeline({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return <Empty description="Chưa có lịch sử" />;
  return (
    <Timeline
      items={entries.map((entry) => ({
        key: entry.seq,
        children: (
          <div className="timeline-entry">
            <Typography.Text strong>{auditEventLabel('tthc-dossier', entry.event)}</Typography.Text>{' '}
            <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>
            <div>
              {entry.actorName ?? 'Hệ thống'}
              {entry.actorRole in ROLE_LABELS
                ? ` — ${ROLE_LABELS[entry.actorRole as keyof typeof ROLE_LABELS]}`
                : ''}
            </div>
            <div>
              {entry.from ? `${dossierStateLabel(entry.from)} → ` : ''}
              {dossierStateLabel(entry.to)}
            </div>
            {entry.reason && <div>Lý do: {entry.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}

export function DossierPage() {
  const { code = '' } = useParams();
  const queryClient = useQueryClient();
  const units = useUnits();
  const dossier = useQuery({
    queryKey: ['dossier', code],
    queryFn: () => data(http.GET('/dossiers/{code}', { params: { path: { code } } })),
  });

  if (dossier.isPending) return <Spin />;
  if (dossier.error)
    return (
      <Result
        status={dossier.error instanceof ApiError && dossier.error.status === 404 ? '404' : 'error'}
        title={dossier.error.message}
      />
    );
  const view = dossier.data;

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: ['dossier', code] });
    await queryClient.invalidateQueries({ queryKey: ['dossiers'] });
    await queryClient.invalidateQueries({ queryKey: ['inbox'] });
  }

  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Hồ sơ {view.code}</Typography.Title>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="Thủ tục" span={2}>
            {view.procedure.name} ({view.procedure.code})
          </Descriptions.Item>
          <Descriptions.Item label="Người nộp">{view.applicant.name}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị giải quyết">
            {units.data?.byId.get(view.handlingUnitId)?.name ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <DossierStatus dossier={view} />
          </Descriptions.Item>
          <Descriptions.Item label="Phiếu xin lỗi">{apologyStatus(view)}</Descriptions.Item>
          <Descriptions.Item label="Ngày tiếp nhận">
            {formatDateTime(view.receivedAt)}
          </Descriptions.Item>
          <Descriptions.Item label="Ngày hẹn trả">
            {formatIsoDate(view.appointmentDate)}
            {view.appointmentDate !== view.originalAppointmentDate &&
              ` (hẹn ban đầu ${formatIsoDate(view.originalAppointmentDate)})`}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={
          <Typography.Title level={2} className="card-title">
            Phiếu xin lỗi
          </Typography.Title>
        }
      >
        <ApologySlips dossier={view} onSigned={refresh} />
      </Card>
      <Card
        title={
          <Typography.Title level={2} className="card-title">
            Lịch sử
          </Typography.Title>
        }
      >
        <DossierTimeline entries={view.history ?? []} />
      </Card>
    </Space>
  );
}
