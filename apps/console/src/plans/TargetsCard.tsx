import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ReactNode, useState } from 'react';
import { data, http } from '../api/http';
import { formatDateTime } from '../common/format';
import { ScrollRegion } from '../common/ScrollRegion';
import { useUser } from '../session/session';
import {
  actualText,
  endOfDay,
  Target,
  TargetActual,
  targetText,
  VERDICT_TAGS,
} from './target-view';
import { TargetFormDialog, TargetValueDialog } from './TargetDialogs';
import { TargetImport } from './TargetImport';
import { Suggestions } from './TargetSuggestions';
import { apiErrorMessage } from '../common/api-error';

/**
 * Targets against their actuals: the target as written, the actual, met / not met. Without
 * `actions` it is read-only (the province's view).
 */
export function TargetActualsTable({
  rows,
  loading,
  actions,
}: {
  rows: TargetActual[] | undefined;
  loading: boolean;
  actions?: (target: Target) => ReactNode;
}) {
  if (rows?.length === 0)
    return <Typography.Text>Kế hoạch chưa có chỉ tiêu đã xác nhận</Typography.Text>;
  return (
    <ScrollRegion label="Chỉ tiêu và kết quả thực hiện" minWidth={800}>
      <Table<TargetActual>
        rowKey={(row) => row.target.id}
        size="small"
        pagination={false}
        loading={loading}
        dataSource={rows}
        columns={[
          { title: 'Mã', key: 'code', width: 90, render: (_: unknown, row) => row.target.code },
          { title: 'Chỉ tiêu', key: 'name', render: (_: unknown, row) => row.target.name },
          {
            title: 'Yêu cầu',
            key: 'target',
            width: 140,
            render: (_: unknown, row) => targetText(row.target),
          },
          {
            title: 'Thực hiện',
            key: 'actual',
            width: 150,
            align: 'right',
            render: (_: unknown, row) => actualText(row),
          },
          {
            title: 'Đánh giá',
            key: 'verdict',
            width: 200,
            render: (_: unknown, row) => (
              <>
                <Tag className={VERDICT_TAGS[row.verdict]}>{row.verdictLabel}</Tag>
                {row.note && <div className="muted">{row.note}</div>}
              </>
            ),
          },
          ...(actions
            ? [
                {
                  title: 'Thao tác',
                  key: 'actions',
                  width: 230,
                  render: (_: unknown, row: TargetActual) => actions(row.target),
                },
              ]
            : []),
        ]}
      />
    </ScrollRegion>
  );
}

type Dialog = { kind: 'form'; target: Target | null } | { kind: 'value'; target: Target };

/** The coordinator's buttons on a confirmed target: edit it, enter a period's value, delete it. */
function TargetActions({
  planId,
  target,
  onOpen,
}: {
  planId: string;
  target: Target;
  onOpen: (dialog: Dialog) => void;
}) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () =>
      data(
        http.DELETE('/plans/{id}/targets/{targetId}', {
          params: { path: { id: planId, targetId: target.id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['targets', planId] }),
  });
  return (
    <Space size="small" wrap>
      <Button
        size="small"
        aria-label={`Sửa ${target.code}`}
        onClick={() => onOpen({ kind: 'form', target })}
      >
        Sửa
      </Button>
      {target.source === 'entered' && (
        <Button
          size="small"
          aria-label={`Nhập số liệu ${target.code}`}
          onClick={() => onOpen({ kind: 'value', target })}
        >
          Nhập số liệu
        </Button>
      )}
      <Popconfirm
        title={`Xóa chỉ tiêu ${target.code} cùng số liệu đã nhập?`}
        okText="Xóa"
        cancelText="Đóng"
        onConfirm={() => remove.mutate()}
      >
        <Button size="small" aria-label={`Xóa ${target.code}`} loading={remove.isPending}>
          Xóa
        </Button>
      </Popconfirm>
      {remove.isError && (
        <Typography.Text type="danger">{apiErrorMessage(remove.error)}</Typography.Text>
      )}
    </Space>
  );
}

/** Confirmed targets against their actuals as of a cut-off day (today unless chosen). */
export function TargetsCard({ planId }: { planId: string }) {
  const user = useUser();
  const coordinator = user.role === 'coordinator';
  const [cutoffDate, setCutoffDate] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const actuals = useQuery({
    queryKey: ['targets', planId, 'actuals', cutoffDate],
    queryFn: () =>
      data(
        http.GET('/plans/{id}/targets/actuals', {
          params: {
            path: { id: planId },
            query: { cutoff: cutoffDate ? endOfDay(cutoffDate) : undefined },
          },
        }),
      ),
  });
  return (
    <Card title="Chỉ tiêu">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <label htmlFor="target-cutoff">Số liệu tính đến ngày</label>
          <DatePicker
            id="target-cutoff"
            format="DD/MM/YYYY"
            placeholder="Hôm nay"
            value={cutoffDate ? dayjs(cutoffDate) : null}
            onChange={(value) => setCutoffDate(value ? value.format('YYYY-MM-DD') : null)}
          />
          {actuals.data && (
            <Typography.Text className="muted">
              (tính đến {formatDateTime(actuals.data.cutoff)})
            </Typography.Text>
          )}
        </Space>
        {actuals.isError && (
          <Alert type="error" showIcon message={apiErrorMessage(actuals.error)} />
        )}
        <TargetActualsTable
          rows={actuals.data?.targets}
          loading={actuals.isFetching}
          actions={
            coordinator
              ? (target) => <TargetActions planId={planId} target={target} onOpen={setDialog} />
              : undefined
          }
        />
        {coordinator && (
          <>
            <Button onClick={() => setDialog({ kind: 'form', target: null })}>Thêm chỉ tiêu</Button>
            <TargetImport planId={planId} />
            <Suggestions planId={planId} />
          </>
        )}
      </Space>
      {dialog?.kind === 'form' && (
        <TargetFormDialog planId={planId} target={dialog.target} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'value' && (
        <TargetValueDialog planId={planId} target={dialog.target} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
