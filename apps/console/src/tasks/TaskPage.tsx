import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, data, http } from '../api/http';
import { formatIsoDate } from '../common/format';
import { TASK_EVENT_BUTTONS } from '../common/labels';
import { useUnits } from '../common/org';
import { EventDialog, EventChoice } from './EventDialog';
import { SlaBadge } from './SlaBadge';
import { TaskTimeline } from './TaskTimeline';

export function TaskPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const units = useUnits();
  const [choice, setChoice] = useState<EventChoice | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const task = useQuery({
    queryKey: ['task', id],
    queryFn: () => data(http.GET('/tasks/{id}', { params: { path: { id } } })),
  });
  const history = useQuery({
    queryKey: ['task', id, 'history'],
    queryFn: () => data(http.GET('/tasks/{id}/history', { params: { path: { id } } })),
  });

  if (task.isPending) return <Spin />;
  if (task.error)
    return (
      <Result
        status={task.error instanceof ApiError && task.error.status === 404 ? '404' : 'error'}
        title={task.error.message}
      />
    );
  const view = task.data;
  const unitName = (unitId: string) => units.data?.byId.get(unitId)?.name ?? '—';

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: ['task', id] });
    await queryClient.invalidateQueries({ queryKey: ['tasks'] });
    await queryClient.invalidateQueries({ queryKey: ['inbox'] });
  }

  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>{view.title}</Typography.Title>
      {notice && (
        <Alert type="warning" showIcon closable title={notice} onClose={() => setNotice(null)} />
      )}
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="Trạng thái">
            <Space>
              {view.stateLabel}
              <SlaBadge sla={view.sla} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="Thời hạn">{formatIsoDate(view.dueDate)}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan chủ trì">{unitName(view.leadUnitId)}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan phối hợp">
            {view.coordinatingUnitIds.map(unitName).join('; ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Nội dung" span={2}>
            {view.content}
          </Descriptions.Item>
          <Descriptions.Item label="Sản phẩm">{view.product ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Yêu cầu">{view.requirement ?? '—'}</Descriptions.Item>
          {view.extensionRequest && (
            <Descriptions.Item label="Đề nghị gia hạn" span={2}>
              Đến {formatIsoDate(view.extensionRequest.proposedDueDate)}:{' '}
              {view.extensionRequest.reason}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Space wrap className="event-buttons">
          {(view.allowedEvents ?? []).flatMap((type) =>
            type === 'DECIDE_EXTENSION'
              ? [
                  <Button
                    key="approve"
                    type="primary"
                    onClick={() => setChoice({ type, decision: 'approve' })}
                  >
                    Duyệt gia hạn
                  </Button>,
                  <Button key="reject" onClick={() => setChoice({ type, decision: 'reject' })}>
                    Từ chối gia hạn
                  </Button>,
                ]
              : TASK_EVENT_BUTTONS[type]
                ? [
                    <Button
                      key={type}
                      type={type === 'APPROVE' || type === 'START' ? 'primary' : 'default'}
                      danger={type === 'CANCEL'}
                      onClick={() => setChoice({ type })}
                    >
                      {TASK_EVENT_BUTTONS[type]}
                    </Button>,
                  ]
                : [],
          )}
        </Space>
      </Card>
      <Card
        title={
          <Typography.Title level={2} className="card-title">
            Lịch sử
          </Typography.Title>
        }
      >
        <TaskTimeline entries={history.data ?? []} loading={history.isPending} />
      </Card>
      {choice && (
        <EventDialog
          task={view}
          choice={choice}
          onClose={() => setChoice(null)}
          onDone={async (message) => {
            setChoice(null);
            setNotice(message);
            await refresh();
          }}
        />
      )}
    </Space>
  );
}
