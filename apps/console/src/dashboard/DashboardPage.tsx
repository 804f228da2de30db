import { useQuery } from '@tanstack/react-query';
import { Card, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { data, http } from '../api/http';
import { formatNumber } from '../common/format';
import { TASK_STATE_OPTIONS } from '../common/labels';
import { PATHS } from '../paths';
import { TaskStateChart } from './TaskStateChart';

/** The targets of the ward's reform plan: dossiers on time and apologies for every late one. */
const ON_TIME_TARGET = 0.9;
const APOLOGY_TARGET = 1;

/** Tổng quan: tasks by state and the dossier rates against their targets, each linked to its list. */
export function DashboardPage() {
  const byState = useQuery({
    queryKey: ['dashboard', 'tasks-by-state'],
    queryFn: () =>
      Promise.all(
        TASK_STATE_OPTIONS.map(async (option) => ({
          state: option.value,
          label: option.label,
          count: (
            await data(
              http.GET('/tasks', { params: { query: { state: option.value, pageSize: 1 } } }),
            )
          ).total,
        })),
      ),
  });
  const dossiers = useQuery({
    queryKey: ['dashboard', 'dossiers'],
    queryFn: () => data(http.GET('/stats/dossiers')),
  });
  const overall = dossiers.data?.overall;

  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Tổng quan</Typography.Title>
      <Card
        title={<h2 className="card-title">Nhiệm vụ theo trạng thái</h2>}
        loading={byState.isPending}
      >
        <Row gutter={[16, 16]}>
          {byState.data?.map((item) => (
            <Col key={item.state} xs={12} md={4}>
              <Link
                to={`${PATHS.tasks}?state=${item.state}`}
                aria-label={`${item.label}: ${item.count} nhiệm vụ`}
              >
                <Statistic title={item.label} value={formatNumber(item.count)} />
              </Link>
            </Col>
          ))}
        </Row>
        {byState.data && <TaskStateChart counts={byState.data} />}
      </Card>
      <Card title={<h2 className="card-title">Hồ sơ TTHC</h2>} loading={dossiers.isPending}>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <Link to={PATHS.dossiers} aria-label="Tỷ lệ hồ sơ đúng hạn: xem danh sách hồ sơ">
              <Rate
                title="Tỷ lệ đúng hạn"
                value={overall?.onTimeRate ?? null}
                target={ON_TIME_TARGET}
              />
            </Link>
          </Col>
          <Col xs={24} md={12}>
            <Link to={PATHS.dossiers} aria-label="Tỷ lệ xin lỗi hồ sơ trễ hạn: xem danh sách hồ sơ">
              <Rate
                title="Tỷ lệ xin lỗi hồ sơ trễ hạn"
                value={overall?.apologyCoverage ?? null}
                target={APOLOGY_TARGET}
              />
            </Link>
          </Col>
        </Row>
      </Card>
    </Space>
  );
}

function Rate({ title, value, target }: { title: string; value: number | null; target: number }) {
  const percent = value === null ? null : Math.round(value * 1000) / 10;
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <div>
        {percent === null ? (
          <Typography.Text>Chưa có số liệu</Typography.Text>
        ) : (
          <Progress
            percent={percent}
            status={value! >= target ? 'success' : 'exception'}
            format={() => `${formatNumber(percent)}%`}
          />
        )}
      </div>
      <Typography.Text>Chỉ tiêu: {formatNumber(target * 100)}%</Typography.Text>
    </div>
  );
}
