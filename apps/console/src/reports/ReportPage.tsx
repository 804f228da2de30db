import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { CONTRIBUTION_EVENT_LABELS, REPORT_EVENT_LABELS } from '@cchc/domain';
import { data, http } from '../api/http';
import { formatIsoDate } from '../common/format';
import { ReasonField } from '../common/ReasonField';
import { CONTRIBUTION_COLUMNS } from './contribution-columns';
import { ContributionEvidence } from './ContributionEvidence';
import { ReportFacts } from './ReportFacts';
import { RevisionsTable } from './RevisionsTable';
import type { Contribution, Report } from './types';
import { apiErrorMessage } from '../common/api-error';

/** The report steps offered as buttons, in the order of the lifecycle (RETURN asks a reason). */
const STEPS = ['START_COMPILING', 'SUBMIT_FOR_APPROVAL', 'APPROVE', 'SIGN', 'SEND'] as const;

type Dialog =
  | { kind: 'returnReport' }
  | { kind: 'correctReport' }
  | { kind: 'submit'; contribution: Contribution }
  | { kind: 'returnContribution'; contribution: Contribution };

const documentUrl = (id: string, revision: number, format: string) =>
  `/reports/${id}/document?format=${format}&revision=${revision}`;

/** A report's lifecycle: its steps, the units' contributions and the frozen revisions. */
export function ReportPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const report = useQuery({
    queryKey: ['report', id],
    queryFn: () => data(http.GET('/reports/{id}', { params: { path: { id } } })),
  });
  const done = (view: Report) => {
    queryClient.setQueryData(['report', id], view);
    setDialog(null);
  };
  const step = useMutation({
    mutationFn: (body: { type: string; reason?: string }) =>
      body.type === 'COMPILE'
        ? data(
            http.POST('/reports/{id}/compile', {
              params: { path: { id } },
              body: { version: report.data?.version ?? 0 },
            }),
          )
        : data(
            http.POST('/reports/{id}/events', {
              params: { path: { id } },
              body: { ...body, version: report.data?.version ?? 0 } as never,
            }),
          ),
    onSuccess: done,
  });
  const contribute = useMutation({
    mutationFn: ({ contribution, body }: { contribution: Contribution; body: object }) =>
      data(
        http.POST('/reports/{id}/contributions/{contributionId}/events', {
          params: { path: { id, contributionId: contribution.id } },
          body: { ...body, version: contribution.version } as never,
        }),
      ),
    onSuccess: done,
  });
  if (report.isError)
    return <Alert type="error" showIcon message={apiErrorMessage(report.error)} />;
  if (!report.data) return <Spin />;
  const view = report.data;
  const error = step.error ?? contribute.error;
  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Báo cáo CCHC {view.periodLabel}</Typography.Title>
      <ReportFacts report={view} />
      {view.returnReason && (
        <Alert type="warning" showIcon message={`Bị trả lại: ${view.returnReason}`} />
      )}
      {view.corrects && (
        <Alert
          type="info"
          showIcon
          message={`Đính chính, thay thế Báo cáo số ${view.corrects.number} ngày ${formatIsoDate(view.corrects.signedOn)}`}
          description={`Lý do: ${view.corrects.reason}`}
        />
      )}
      {error && <Alert type="error" showIcon message={apiErrorMessage(error)} />}
      <Space wrap>
        {view.allowedEvents.includes('COMPILE') && (
          <Button loading={step.isPending} onClick={() => step.mutate({ type: 'COMPILE' })}>
            {REPORT_EVENT_LABELS.COMPILE}
          </Button>
        )}
        {STEPS.filter((type) => view.allowedEvents.includes(type)).map((type) => (
          <Button
            key={type}
            type="primary"
            loading={step.isPending}
            onClick={() => step.mutate({ type })}
          >
            {REPORT_EVENT_LABELS[type]}
          </Button>
        ))}
        {view.allowedEvents.includes('RETURN') && (
          <Button danger onClick={() => setDialog({ kind: 'returnReport' })}>
            {REPORT_EVENT_LABELS.RETURN}
          </Button>
        )}
        {view.allowedEvents.includes('CORRECT') && (
          <Button onClick={() => setDialog({ kind: 'correctReport' })}>
            {REPORT_EVENT_LABELS.CORRECT}
          </Button>
        )}
      </Space>

      <Typography.Title level={2} className="section-title">
        Báo cáo của các đơn vị
      </Typography.Title>
      {view.contributions.length === 0 ? (
        <Typography.Text>Kế hoạch chưa có đơn vị chủ trì nhiệm vụ</Typography.Text>
      ) : (
        <Table<Contribution>
          rowKey="id"
          dataSource={view.contributions}
          pagination={false}
          scroll={{ x: 960 }}
          expandable={{
            rowExpandable: (row) => row.results !== '',
            expandedRowRender: (row) => (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'results', label: 'Kết quả', children: row.results },
                  { key: 'problems', label: 'Khó khăn', children: row.problems || 'Không' },
                  { key: 'proposals', label: 'Kiến nghị', children: row.proposals || 'Không' },
                  {
                    key: 'evidence',
                    label: 'Minh chứng',
                    children:
                      row.evidenceIds.length === 0 ? (
                        'Không'
                      ) : (
                        <Space wrap>
                          {row.evidenceIds.map((fileId, index) => (
                            <a key={fileId} href={`/evidence/${fileId}`}>
                              Tệp {index + 1}
                            </a>
                          ))}
                        </Space>
                      ),
                  },
                ]}
              />
            ),
          }}
          columns={[
            ...CONTRIBUTION_COLUMNS,
            {
              title: 'Thao tác',
              key: 'actions',
              width: 260,
              render: (_: unknown, row) => (
                <Space wrap>
                  {row.allowedEvents.includes('SUBMIT') && (
                    <Button
                      size="small"
                      onClick={() => setDialog({ kind: 'submit', contribution: row })}
                    >
                      {CONTRIBUTION_EVENT_LABELS.SUBMIT}
                    </Button>
                  )}
                  {row.allowedEvents.includes('ACCEPT') && (
                    <Button
                      size="small"
                      aria-label={`Tiếp nhận báo cáo của ${row.unitName}`}
                      onClick={() =>
                        contribute.mutate({ contribution: row, body: { type: 'ACCEPT' } })
                      }
                    >
                      {CONTRIBUTION_EVENT_LABELS.ACCEPT}
                    </Button>
                  )}
                  {row.allowedEvents.includes('RETURN') && (
                    <Button
                      size="small"
                      danger
                      aria-label={`Trả lại báo cáo của ${row.unitName}`}
                      onClick={() => setDialog({ kind: 'returnContribution', contribution: row })}
                    >
                      {CONTRIBUTION_EVENT_LABELS.RETURN}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}

      <Typography.Title level={2} className="section-title">
        Các lần tổng hợp số liệu
      </Typography.Title>
      <RevisionsTable
        revisions={view.revisions}
        documentUrl={(revision, format) => documentUrl(view.id, revision, format)}
      />
      <ReasonOrTextDialog
        dialog={dialog}
        planId={view.planId}
        pending={step.isPending || contribute.isPending}
        onCancel={() => setDialog(null)}
        onFinish={(values) => {
          if (!dialog) return;
          if (dialog.kind === 'returnReport')
            step.mutate({ type: 'RETURN', reason: values.reason });
          else if (dialog.kind === 'correctReport')
            step.mutate({ type: 'CORRECT', reason: values.reason });
          else
            contribute.mutate({
              contribution: dialog.contribution,
              body:
                dialog.kind === 'submit'
                  ? { type: 'SUBMIT', ...values }
                  : { type: 'RETURN', reason: values.reason },
            });
        }}
      />
    </Space>
  );
}

/** The reason to return (report or contribution) or to correct a sent report, or the unit's text. */
function ReasonOrTextDialog({
  dialog,
  planId,
  pending,
  onCancel,
  onFinish,
}: {
  dialog: Dialog | null;
  planId: string | null;
  pending: boolean;
  onCancel: () => void;
  onFinish: (values: Record<string, string>) => void;
}) {
  const [form] = Form.useForm();
  const submit = dialog?.kind === 'submit';
  const correct = dialog?.kind === 'correctReport';
  return (
    <Modal
      open={dialog !== null}
      title={submit ? 'Gửi báo cáo đóng góp' : correct ? REPORT_EVENT_LABELS.CORRECT : 'Trả lại'}
      okText={submit ? 'Gửi' : correct ? 'Đính chính' : 'Trả lại'}
      cancelText="Đóng"
      confirmLoading={pending}
      destroyOnHidden
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={onFinish}>
        {submit ? (
          <>
            <Form.Item
              name="results"
              label="Kết quả thực hiện"
              rules={[{ required: true, whitespace: true, message: 'Cần nêu kết quả thực hiện' }]}
            >
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item name="problems" label="Khó khăn, vướng mắc">
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="proposals" label="Kiến nghị, đề xuất">
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="evidenceIds" label="Minh chứng (tệp của nhiệm vụ đơn vị chủ trì)">
              <ContributionEvidence unitId={dialog.contribution.unitId} planId={planId} />
            </Form.Item>
          </>
        ) : (
          <>
            {correct && (
              <Typography.Paragraph>
                Báo cáo được tổng hợp lại thành lần mới, trình duyệt, ký số mới và gửi thay thế báo
                cáo đã gửi; báo cáo đã gửi vẫn được lưu và tải về được.
              </Typography.Paragraph>
            )}
            <ReasonField />
          </>
        )}
      </Form>
    </Modal>
  );
}
