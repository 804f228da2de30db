import { useQuery, useQueryClient } from '@tanstack/react-query';
import { auditEventLabel } from '@cchc/domain';
import { Alert, Card, Descriptions, Empty, Result, Space, Spin, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, data, http } from '../api/http';
import type { HistoryEntry } from '../api/types';
import { formatDateTime, formatIsoDate } from '../common/format';
import { ROLE_LABELS } from '../common/labels';
import { useUnits } from '../common/org';
import { ApologySlips } from './ApologySlips';
import { entryTime } from './dossier-history';
import { DossierActions } from './DossierActions';
import { DossierStatus } from './DossierStatus';
import { apologyStatus, dossierStateLabel } from './labels';
import { ISSUE_WAIT_MS, issuePollInterval, roundAwaitingIssue } from './slip-issuing';
import type { Dossier } from './types';

/**
 * A signed slip the worker is issuing (just signed with "Ký phiếu", or found so when the page
 * opened), then its number, or a word if it takes long.
 */
function IssueNotice({ dossier, round, at }: { dossier: Dossier; round: number; at: number }) {
  const slip = dossier.apologies?.find((candidate) => candidate.round === round);
  // Polling stops after ISSUE_WAIT_MS; this re-renders the notice then.
  const [gaveUp, setGaveUp] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setGaveUp(true), Math.max(0, at + ISSUE_WAIT_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [at]);
  if (slip?.status === 'issued')
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        title={`Đã ký phiếu lần ${round}; phiếu số ${slip.number ?? '—'} được phát hành.`}
      />
    );
  return (
    <Alert
      type={gaveUp ? 'warning' : 'info'}
      showIcon
      role="status"
      title={
        gaveUp
          ? `Đã ký phiếu lần ${round}; phiếu chưa phát hành xong, vui lòng tải lại trang sau ít phút.`
          : `Đã ký phiếu lần ${round}; đang cấp số và phát hành phiếu…`
      }
    />
  );
}

function DossierTimeline({ entries, receivedAt }: { entries: HistoryEntry[]; receivedAt: string }) {
  if (entries.length === 0) return <Empty description="Chưa có lịch sử" />;
  return (
    <Timeline
      items={entries.map((entry) => ({
        key: entry.seq,
        children: (
          <div className="timeline-entry">
            <Typography.Text strong>{auditEventLabel('tthc-dossier', entry.event)}</Typography.Text>{' '}
            <Typography.Text type="secondary">{entryTime(entry, receivedAt)}</Typography.Text>
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
  // The signed round the page waits for and since when: the one just signed here, or one the
  // page found signed but not yet issued (the worker issues a slip a moment after the signature).
  const [signed, setSigned] = useState<{ round: number; at: number } | null>(null);
  const dossier = useQuery({
    queryKey: ['dossier', code],
    queryFn: () => data(http.GET('/dossiers/{code}', { params: { path: { code } } })),
    refetchInterval: (query) => issuePollInterval(query.state.data, signed?.at ?? null, Date.now()),
  });
  const awaitingRound = roundAwaitingIssue(dossier.data);
  useEffect(() => {
    if (awaitingRound !== null && awaitingRound !== signed?.round)
      setSigned({ round: awaitingRound, at: Date.now() });
  }, [awaitingRound, signed?.round]);

  if (dossier.isPending) return <Spin />;
  if (dossier.error)
    return (
      <Result
        status={dossier.error instanceof ApiError && dossier.error.status === 404 ? '404' : 'error'}
        title={dossier.error.message}
      />
    );
  const view = dossier.data;

  async function onChanged() {
    await queryClient.invalidateQueries({ queryKey: ['dossier', code] });
    await queryClient.invalidateQueries({ queryKey: ['dossiers'] });
    await queryClient.invalidateQueries({ queryKey: ['inbox'] });
  }

  async function onSigned(round: number) {
    setSigned({ round, at: Date.now() });
    await onChanged();
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
          {view.applicant.phone && (
            <Descriptions.Item label="Điện thoại">{view.applicant.phone}</Descriptions.Item>
          )}
          {view.applicant.address && (
            <Descriptions.Item label="Địa chỉ">{view.applicant.address}</Descriptions.Item>
          )}
          {view.applicant.email && (
            <Descriptions.Item label="Thư điện tử">{view.applicant.email}</Descriptions.Item>
          )}
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
        <DossierActions dossier={view} onChanged={onChanged} />
      </Card>
      <Card
        title={
          <Typography.Title level={2} className="card-title">
            Phiếu xin lỗi
          </Typography.Title>
        }
      >
        <Space direction="vertical" size="middle" className="page">
          {signed && <IssueNotice dossier={view} round={signed.round} at={signed.at} />}
          <ApologySlips dossier={view} onSigned={onSigned} />
        </Space>
      </Card>
      <Card
        title={
          <Typography.Title level={2} className="card-title">
            Lịch sử
          </Typography.Title>
        }
      >
        <DossierTimeline entries={view.history ?? []} receivedAt={view.receivedAt} />
      </Card>
    </Space>
  );
}
