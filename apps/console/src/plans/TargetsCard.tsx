import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
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

/** The coordinator's suggested targets: each with the plan's sentence, to confirm or drop. */
function Suggestions({ planId }: { planId: string }) {
  const queryClient = useQueryClient();
  const targets = useQuery({
    queryKey: ['targets', planId],
    queryFn: () => data(http.GET('/plans/{id}/targets', { params: { path: { id: planId } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['targets', planId] });
  const read = useMutation({
    mutationFn: () =>
      data(http.POST('/plans/{id}/targets/suggestions', { params: { path: { id: planId } } })),
    onSuccess: refresh,
  });
  const decide = useMutation({
    mutationFn: ({ target, confirm }: { target: Target; confirm: boolean }) => {
      const path = { id: planId, targetId: target.id };
      return confirm
        ? data(http.POST('/plans/{id}/targets/{targetId}/confirm', { params: { path } }))
        : data(http.DELETE('/plans/{id}/targets/{targetId}', { params: { path } }));
    },
    onSuccess: refresh,
  });
  const suggested = targets.data?.filter((target) => target.status === 'suggested') ?? [];
  const error = read.error ?? decide.error;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>Chỉ tiêu gợi ý chờ xác nhận: {suggested.length}</Typography.Text>
        <Button onClick={() => read.mutate()} loading={read.isPending}>
          Đọc gợi ý từ văn bản kế hoạch
        </Button>
        {read.data && (
          <Typography.Text className="muted">{read.data.created} gợi ý mới</Typography.Text>
        )}
      </Space>
      {error && <Alert type="error" showIcon message={error.message} />}
      {suggested.length > 0 && (
        <Table<Target>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={suggested}
          scroll={{ x: 760 }}
          columns={[
            { title: 'Mã', dataIndex: 'code', width: 90 },
            { title: 'Câu trong kế hoạch', dataIndex: 'sentence' },
            {
              title: 'Chỉ tiêu',
              key: 'target',
              width: 130,
              render: (_: unknown, t) => targetText(t),
            },
            {
              title: 'Thao tác',
              key: 'actions',
              width: 170,
              render: (_: unknown, target) => (
                <Space size="small">
                  <Button
                    size="small"
                    type="primary"
                    aria-label={`Xác nhận ${target.code}`}
                    loading={decide.isPending}
                    onClick={() => decide.mutate({ target, confirm: true })}
                  >
                    Xác nhận
                  </Button>
                  <Button
                    size="small"
                    aria-label={`Bỏ ${target.code}`}
                    loading={decide.isPending}
                    onClick={() => decide.mutate({ target, confirm: false })}
                  >
                    Bỏ
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

/** Targets against their actuals: the target as written, the actual, met / not met. */
export function TargetActualsTable({
  rows,
  loading,
}: {
  rows: TargetActual[] | undefined;
  loading: boolean;
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
        ]}
      />
    </ScrollRegion>
  );
}

/** Confirmed targets against their actuals as of a cut-off day (today unless chosen). */
export function TargetsCard({ planId }: { planId: string }) {
  const user = useUser();
  const [cutoffDate, setCutoffDate] = useState<string | null>(null);
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
        {actuals.isError && <Alert type="error" showIcon message={actuals.error.message} />}
        <TargetActualsTable rows={actuals.data?.targets} loading={actuals.isFetching} />
        {user.role === 'coordinator' && <Suggestions planId={planId} />}
      </Space>
    </Card>
  );
}
