import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { data, http } from '../api/http';
import { Target, targetText } from './target-view';
import { apiErrorMessage } from '../common/api-error';

/** The coordinator's suggested targets: each with the plan's sentence, to confirm or drop. */
export function Suggestions({ planId }: { planId: string }) {
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
      {error && <Alert type="error" showIcon message={apiErrorMessage(error)} />}
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
