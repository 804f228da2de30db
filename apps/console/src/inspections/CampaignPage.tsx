import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Collapse,
  Descriptions,
  List,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CHECKLIST_RESULT_LABELS, FINDING_SEVERITY_LABELS } from '@cchc/domain';
import { data, http } from '../api/http';
import { formatIsoDate } from '../common/format';
import { stateLabel } from '../common/labels';
import { PATHS } from '../paths';
import { ACTION_TITLES, CampaignAction, CampaignActionDialog } from './CampaignActionDialog';
import { findingActions, visitActions } from './campaign-forms';
import { ChecklistDialog } from './ChecklistDialog';
import type { Campaign, Finding, Visit } from './types';
import { apiErrorMessage } from '../common/api-error';

const documentPath = (id: string, suffix: string) => `/inspections/campaigns/${id}${suffix}`;

/** The steps taken with one click (no form). */
type OneClick = { type: 'START' | 'CLOSE' } | { type: 'START_VISIT'; unitId: string };

/** The campaign-wide steps, in the order they come, each shown only if allowedEvents has it. */
const CAMPAIGN_BUTTONS = [
  { event: 'START', label: 'Bắt đầu đợt kiểm tra' },
  { event: 'RECORD_FINDING', label: ACTION_TITLES.RECORD_FINDING },
  { event: 'CONCLUDE', label: ACTION_TITLES.CONCLUDE },
  { event: 'CLOSE', label: 'Kết thúc đợt kiểm tra' },
] as const;

const VISIT_BUTTONS = {
  START_VISIT: 'Bắt đầu kiểm tra',
  RECORD_CHECKLIST: 'Ghi kết quả',
  FINISH_VISIT: ACTION_TITLES.FINISH_VISIT,
} as const;

/** A visit's checklist: each topic, its result beside it and the note under it (fits a phone). */
function ChecklistResults({ campaign, visit }: { campaign: Campaign; visit: Visit }) {
  const results = new Map(visit.results.map((row) => [row.topicCode, row]));
  return (
    <List
      size="small"
      dataSource={campaign.checklist}
      renderItem={(topic) => {
        const row = results.get(topic.code);
        const label = row
          ? CHECKLIST_RESULT_LABELS[row.result as keyof typeof CHECKLIST_RESULT_LABELS]
          : null;
        return (
          <List.Item>
            <Space direction="vertical" size={0}>
              {topic.title}
              {row?.note && <Typography.Text type="secondary">Ghi chú: {row.note}</Typography.Text>}
            </Space>
            {row ? (
              // The SLA badges' colours: dark text on a light background (WCAG AA).
              <Tag className={row.result === 'dat' ? 'tone-good' : 'tone-bad'}>{label}</Tag>
            ) : (
              'Chưa kiểm tra'
            )}
          </List.Item>
        );
      }}
    />
  );
}

/** One campaign: its decision, the units in scope and their visits, checklists and findings. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const campaign = useQuery({
    queryKey: ['inspection-campaign', id],
    queryFn: () => data(http.GET('/inspections/campaigns/{id}', { params: { path: { id } } })),
  });
  const [dialog, setDialog] = useState<CampaignAction | null>(null);
  const [checklistOf, setChecklistOf] = useState<Visit | null>(null);
  const updated = (view: Campaign) => {
    queryClient.setQueryData(['inspection-campaign', id], view);
    void queryClient.invalidateQueries({ queryKey: ['inspection-campaigns'] });
    void queryClient.invalidateQueries({ queryKey: ['inspection-figures'] });
    setDialog(null);
    setChecklistOf(null);
  };
  const act = useMutation({
    mutationFn: (step: OneClick) => {
      const body = { version: campaign.data?.version ?? 0 };
      if (step.type === 'START_VISIT') {
        return data(
          http.POST('/inspections/campaigns/{id}/visits/{unitId}/start', {
            params: { path: { id, unitId: step.unitId } },
            body,
          }),
        );
      }
      const path =
        step.type === 'START'
          ? '/inspections/campaigns/{id}/start'
          : '/inspections/campaigns/{id}/close';
      return data(http.POST(path, { params: { path: { id } }, body }));
    },
    onSuccess: updated,
  });
  if (campaign.isError)
    return <Alert type="error" showIcon message={apiErrorMessage(campaign.error)} />;
  if (!campaign.data) return <Spin />;
  const view = campaign.data;
  const started = view.visits.filter((visit) => visit.state !== 'scheduled');
  const topicTitle = (code: string) =>
    view.checklist.find((topic) => topic.code === code)?.title ?? code;
  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>{view.title}</Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          {
            key: 'decision',
            label: 'Quyết định',
            children: `${view.decisionNumber} ngày ${formatIsoDate(view.decisionDate)}`,
          },
          { key: 'kind', label: 'Hình thức', children: view.kindLabel },
          { key: 'state', label: 'Trạng thái', children: view.stateLabel },
          {
            key: 'notice',
            label: 'Thông báo kết luận',
            children: view.noticeNumber ? (
              <a href={documentPath(view.id, '/conclusion.docx')} download>
                {view.noticeNumber} (DOCX)
              </a>
            ) : (
              'Chưa ký'
            ),
          },
        ]}
      />
      {act.isError && <Alert type="error" showIcon message={apiErrorMessage(act.error)} />}
      <Space wrap>
        {CAMPAIGN_BUTTONS.filter((button) => view.allowedEvents.includes(button.event)).map(
          ({ event, label }) => (
            <Button
              key={event}
              loading={act.isPending}
              onClick={() =>
                event === 'START' || event === 'CLOSE'
                  ? act.mutate({ type: event })
                  : setDialog({ type: event })
              }
            >
              {label}
            </Button>
          ),
        )}
      </Space>
      {dialog && (
        <CampaignActionDialog
          campaign={view}
          action={dialog}
          onClose={() => setDialog(null)}
          onDone={updated}
        />
      )}
      {checklistOf && (
        <ChecklistDialog
          campaign={view}
          visit={checklistOf}
          onClose={() => setChecklistOf(null)}
          onDone={updated}
        />
      )}
      <Typography.Title level={2} className="section-title">
        Đơn vị được kiểm tra
      </Typography.Title>
      <Table<Visit>
        rowKey="unitId"
        dataSource={view.visits}
        pagination={false}
        scroll={{ x: 1040 }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'unitName', width: 220 },
          {
            title: 'Trạng thái',
            key: 'state',
            width: 200,
            render: (_: unknown, visit) => (
              <Space size={4} wrap>
                {visit.stateLabel}
                {visit.unannounced && <Tag>Không báo trước</Tag>}
              </Space>
            ),
          },
          { title: 'Dự kiến', dataIndex: 'scheduledOn', width: 110, render: formatIsoDate },
          { title: 'Ngày kiểm tra', dataIndex: 'doneOn', width: 130, render: formatIsoDate },
          {
            title: 'Biên bản',
            key: 'minutes',
            width: 130,
            render: (_: unknown, visit) =>
              visit.state === 'scheduled' ? (
                ''
              ) : (
                <a
                  href={documentPath(view.id, `/visits/${visit.unitId}/minutes.docx`)}
                  download
                  aria-label={`Biên bản kiểm tra ${visit.unitName}`}
                >
                  {visit.minutesNumber ? `${visit.minutesNumber} (DOCX)` : 'DOCX'}
                </a>
              ),
          },
          {
            title: 'Thao tác',
            key: 'actions',
            width: 260,
            render: (_: unknown, visit) => (
              <Space size={4} wrap>
                {visitActions(visit).map((action) => (
                  <Button
                    key={action}
                    size="small"
                    loading={action === 'START_VISIT' && act.isPending}
                    onClick={() =>
                      action === 'START_VISIT'
                        ? act.mutate({ type: action, unitId: visit.unitId })
                        : action === 'RECORD_CHECKLIST'
                          ? setChecklistOf(visit)
                          : setDialog({
                              type: action,
                              unitId: visit.unitId,
                              unitName: visit.unitName,
                            })
                    }
                  >
                    {VISIT_BUTTONS[action]}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={2} className="section-title">
        Kết quả kiểm tra
      </Typography.Title>
      {started.length === 0 ? (
        <Typography.Text>Chưa kiểm tra đơn vị nào</Typography.Text>
      ) : (
        <Collapse
          items={started.map((visit) => ({
            key: visit.unitId,
            label: `${visit.unitName}: ${visit.stateLabel}`,
            children: <ChecklistResults campaign={view} visit={visit} />,
          }))}
        />
      )}
      <Typography.Title level={2} className="section-title">
        Tồn tại, hạn chế
      </Typography.Title>
      {view.findings.length === 0 ? (
        <Typography.Text>Chưa ghi nhận tồn tại, hạn chế nào</Typography.Text>
      ) : (
        <Table<Finding>
          rowKey="id"
          dataSource={view.findings}
          pagination={false}
          scroll={{ x: 1320 }}
          columns={[
            { title: 'Đơn vị', dataIndex: 'unitName', width: 180 },
            { title: 'Nội dung', dataIndex: 'topicCode', width: 180, render: topicTitle },
            { title: 'Tồn tại', dataIndex: 'description' },
            {
              title: 'Mức độ',
              dataIndex: 'severity',
              width: 110,
              render: (severity: keyof typeof FINDING_SEVERITY_LABELS) =>
                FINDING_SEVERITY_LABELS[severity],
            },
            { title: 'Tiêu chí PAR', dataIndex: 'parCode', width: 100 },
            { title: 'Kiến nghị', dataIndex: 'recommendation' },
            {
              title: 'Xử lý',
              key: 'status',
              width: 220,
              render: (_: unknown, finding) =>
                finding.taskId ? (
                  <Link to={PATHS.task(finding.taskId)}>
                    Nhiệm vụ khắc phục: {stateLabel(finding.taskState)}
                  </Link>
                ) : (
                  finding.statusLabel
                ),
            },
            {
              title: 'Hoàn thành',
              dataIndex: 'settled',
              width: 110,
              render: (settled: boolean) =>
                settled ? <Tag className="tone-info">Đã xong</Tag> : 'Chưa',
            },
            {
              title: 'Thao tác',
              key: 'actions',
              width: 200,
              render: (_: unknown, finding) => (
                <Space size={4} wrap>
                  {findingActions(finding).map((action) => (
                    <Button
                      key={action}
                      size="small"
                      onClick={() => setDialog({ type: action, findingId: finding.id })}
                    >
                      {ACTION_TITLES[action]}
                    </Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
