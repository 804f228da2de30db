import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Empty, List, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { data, http } from '../api/http';
import { formatIsoDate } from '../common/format';
import { useUser } from '../session/session';
import { SlaBadge } from '../tasks/SlaBadge';
import { PATHS } from '../paths';

/** "Việc cần làm": what waits on the signed-in user, by role, as the API decides it. */
export function InboxPage() {
  const user = useUser();
  const inbox = useQuery({ queryKey: ['inbox', user.id], queryFn: () => data(http.GET('/inbox')) });
  if (inbox.isPending) return <Spin />;
  const sections = inbox.data?.sections ?? [];
  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Việc cần làm</Typography.Title>
      {sections.length === 0 && <Empty description="Không có việc nào đang chờ" />}
      {sections.map((section) => (
        <Card
          key={section.key}
          title={
            <Typography.Title level={2} className="section-title">
              {section.title} <Badge count={section.count} showZero color="#b71c1c" />
            </Typography.Title>
          }
        >
          <List
            dataSource={section.items}
            locale={{ emptyText: 'Không có' }}
            renderItem={({ task, note }) =>
              // Task entries only: dossier, slip and escalation entries are listed by their pages.
              task && (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={PATHS.task(task.id)}>{task.title}</Link>}
                    description={
                      <Space wrap>
                        <span>{task.stateLabel}</span>
                        <span>Hạn: {formatIsoDate(task.dueDate)}</span>
                        <SlaBadge sla={task.sla} />
                        {note && <span>{note}</span>}
                      </Space>
                    }
                  />
                </List.Item>
              )
            }
          />
        </Card>
      ))}
    </Space>
  );
}
