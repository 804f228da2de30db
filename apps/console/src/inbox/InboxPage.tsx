import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { data, http } from '../api/http';
import type { InboxItem } from '../api/types';
import { formatDateTime, formatIsoDate } from '../common/format';
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
          <List<InboxItem>
            dataSource={section.items}
            locale={{ emptyText: 'Không có' }}
            renderItem={(item) => (
              <List.Item>
                <Entry item={item} />
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}

/** One entry, linked to its page: the task's, or the dossier's (where "Ký phiếu" is). */
function Entry({ item }: { item: InboxItem }) {
  const { task, dossier, apologySlip, escalation, note } = item;
  if (dossier) {
    return (
      <List.Item.Meta
        title={
          <Link to={PATHS.dossier(dossier.code)}>
            {dossier.code} — {dossier.applicantName}
          </Link>
        }
        description={
          <Space wrap>
            <span>{dossier.procedureName}</span>
            <span>{dossier.stateLabel}</span>
            <span>Hẹn trả: {formatIsoDate(dossier.appointmentDate)}</span>
            {apologySlip && (
              <span>
                Phiếu lần {apologySlip.round}: lỡ hẹn{' '}
                {formatIsoDate(apologySlip.missedAppointmentDate)}, hẹn lại{' '}
                {formatIsoDate(apologySlip.newAppointmentDate)}
              </span>
            )}
            {/* Overdue stands out as on the dossier pages; "còn N ngày" stays plain. */}
            {note &&
              (dossier.workingDaysOverdue !== null ? (
                <Tag color="red">{note}</Tag>
              ) : (
                <span>{note}</span>
              ))}
          </Space>
        }
      />
    );
  }
  if (!task) return null;
  return (
    <List.Item.Meta
      title={<Link to={PATHS.task(task.id)}>{task.title}</Link>}
      description={
        <Space wrap>
          <span>{task.stateLabel}</span>
          <span>Hạn: {formatIsoDate(task.dueDate)}</span>
          <SlaBadge sla={task.sla} />
          {escalation && (
            <>
              <span>Đơn vị chủ trì: {escalation.leadUnit.name}</span>
              <span>
                Chuyển lên lần {escalation.level} lúc {formatDateTime(escalation.firedAt)}
              </span>
            </>
          )}
          {note && <span>{note}</span>}
        </Space>
      }
    />
  );
}
