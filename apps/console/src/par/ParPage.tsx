import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ApiError, data, http } from '../api/http';
import type { Me, Role } from '../api/types';
import { ReasonField } from '../common/ReasonField';
import { ScrollRegion } from '../common/ScrollRegion';
import { useUser } from '../session/session';
import { AreaTotalsTable, CriteriaTable, CriterionAction } from './CriteriaTable';
import { awaitingReview, formatPoints } from './par-tree';
import type { Criterion, LostPoints } from './types';

const UNIT_SCORERS: readonly Role[] = ['unit_head', 'officer'];

/**
 * What the user may do to a leaf, as the API decides it: the unit leading the criterion's task
 * (or the coordinator) scores it until it is accepted; the coordinator reviews a submitted score.
 */
function actionsFor(user: Me) {
  return (criterion: Criterion): CriterionAction[] => {
    if (!criterion.leaf || criterion.method === 'computed') return [];
    const status = criterion.score?.status;
    const leads =
      UNIT_SCORERS.includes(user.role) &&
      criterion.tasks.some((task) => task.leadUnitId === user.unitId);
    const coordinator = user.role === 'coordinator';
    const actions: CriterionAction[] = [];
    if ((leads || coordinator) && status !== 'accepted') actions.push('score');
    if (coordinator && status === 'submitted') actions.push('accept', 'return');
    return actions;
  };
}

type Dialog = { criterion: Criterion; kind: 'score' | 'return' };

function ActionDialog({
  dialog,
  pending,
  onCancel,
  onFinish,
}: {
  dialog: Dialog | null;
  pending: boolean;
  onCancel: () => void;
  onFinish: (values: { score?: number; note?: string; reason?: string }) => void;
}) {
  const [form] = Form.useForm();
  const scoring = dialog?.kind === 'score';
  const criterion = dialog?.criterion;
  return (
    <Modal
      open={dialog !== null}
      title={criterion && `${scoring ? 'Chấm điểm' : 'Trả lại'} tiêu chí ${criterion.code}`}
      okText={scoring ? 'Lưu điểm' : 'Trả lại'}
      cancelText="Hủy"
      confirmLoading={pending}
      destroyOnHidden
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ score: criterion?.score?.score, note: criterion?.score?.note ?? '' }}
        onFinish={onFinish}
      >
        {scoring ? (
          <>
            <Form.Item
              name="score"
              label={`Điểm (tối đa ${formatPoints(criterion?.maxPoints)})`}
              rules={[{ required: true, message: 'Cần nhập điểm' }]}
            >
              <InputNumber min={0} max={criterion?.maxPoints} step={0.25} decimalSeparator="," />
            </Form.Item>
            <Form.Item name="note" label="Giải trình">
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        ) : (
          <ReasonField />
        )}
      </Form>
    </Modal>
  );
}

function LostPointsCard({ year }: { year: number }) {
  const lost = useQuery({
    queryKey: ['par-lost', year],
    queryFn: () => data(http.GET('/par/{year}/lost-points', { params: { path: { year } } })),
  });
  if (!lost.data) return null;
  return (
    <Card title={`Tiêu chí bị mất điểm so với năm ${lost.data.previousYear}`}>
      {lost.data.criteria.length === 0 ? (
        <Typography.Text>Không có tiêu chí nào bị mất điểm</Typography.Text>
      ) : (
        <ScrollRegion label="Tiêu chí bị mất điểm" minWidth={760}>
          <Table<LostPoints>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={lost.data.criteria}
            columns={[
              { title: 'Mã', dataIndex: 'code', width: 90 },
              { title: 'Tiêu chí', dataIndex: 'name' },
              {
                title: 'Mất năm nay',
                dataIndex: 'lost',
                width: 110,
                align: 'right',
                render: formatPoints,
              },
              {
                title: 'Mất năm trước',
                dataIndex: 'previousLost',
                width: 120,
                align: 'right',
                render: formatPoints,
              },
              {
                title: 'Thay đổi',
                dataIndex: 'change',
                width: 90,
                align: 'right',
                render: (change: number | null) =>
                  change === null ? '—' : `${change > 0 ? '+' : ''}${formatPoints(change)}`,
              },
              {
                title: 'Cơ quan chủ trì',
                dataIndex: 'leadUnits',
                width: 200,
                render: (units: string[]) => units.join(', ') || '—',
              },
            ]}
          />
        </ScrollRegion>
      )}
    </Card>
  );
}

/** "Chỉ số CCHC": the ward's self-assessment of a year, scored and reviewed by criterion. */
export function ParPage() {
  const user = useUser();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const assessment = useQuery({
    queryKey: ['par', year],
    queryFn: () => data(http.GET('/par/{year}', { params: { path: { year } } })),
    retry: false,
  });
  const act = useMutation({
    mutationFn: ({
      criterion,
      kind,
      values,
    }: {
      criterion: Criterion;
      kind: CriterionAction;
      values: { score?: number; note?: string; reason?: string };
    }) => {
      const path = { year, code: criterion.code };
      if (kind === 'score')
        return data(
          http.PUT('/par/{year}/criteria/{code}/score', {
            params: { path },
            body: { score: values.score ?? 0, note: values.note?.trim() || undefined },
          }),
        );
      return data(
        http.POST('/par/{year}/criteria/{code}/review', {
          params: { path },
          body:
            kind === 'accept'
              ? { decision: 'accept' }
              : { decision: 'return', reason: values.reason },
        }),
      );
    },
    onSuccess: (view) => {
      queryClient.setQueryData(['par', year], view);
      void queryClient.invalidateQueries({ queryKey: ['par-lost', year] });
      setDialog(null);
    },
  });
  const onAction = (criterion: Criterion, kind: CriterionAction) => {
    if (kind === 'accept') act.mutate({ criterion, kind, values: {} });
    else setDialog({ criterion, kind });
  };
  const missing = assessment.error instanceof ApiError && assessment.error.status === 404;
  const view = assessment.data;
  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Tự đánh giá Chỉ số CCHC</Typography.Title>
      <Space wrap>
        <label htmlFor="par-year">Năm</label>
        <InputNumber
          id="par-year"
          min={2000}
          max={2100}
          value={year}
          onChange={(value) => value && setYear(value)}
        />
        {view && (
          <>
            <Button href={`/par/${year}/export.xlsx`} download>
              Tải Excel
            </Button>
            <Button href={`/par/${year}/export.docx`} download>
              Tải báo cáo (DOCX)
            </Button>
          </>
        )}
      </Space>
      {act.isError && <Alert type="error" showIcon message={act.error.message} />}
      {missing && (
        <Alert type="info" showIcon message={`Chưa có bộ tiêu chí Chỉ số CCHC năm ${year}`} />
      )}
      {assessment.isError && !missing && (
        <Alert type="error" showIcon message={assessment.error.message} />
      )}
      {assessment.isLoading && <Spin />}
      {view && (
        <>
          <Typography.Text>
            {view.issuer}
            {user.role === 'coordinator' &&
              ` · ${awaitingReview(view.criteria)} tiêu chí chờ duyệt`}
          </Typography.Text>
          <Card title="Tổng điểm theo lĩnh vực">
            <AreaTotalsTable assessment={view} />
          </Card>
          <Card title="Điểm theo tiêu chí">
            <CriteriaTable assessment={view} actions={actionsFor(user)} onAction={onAction} />
          </Card>
          <LostPointsCard year={year} />
        </>
      )}
      <ActionDialog
        dialog={dialog}
        pending={act.isPending}
        onCancel={() => setDialog(null)}
        onFinish={(values) =>
          dialog && act.mutate({ criterion: dialog.criterion, kind: dialog.kind, values })
        }
      />
    </Space>
  );
}
