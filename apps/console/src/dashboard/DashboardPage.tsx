import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Progress, Row, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { data, http } from '../api/http';
import { formatIsoDate, formatNumber, formatRate } from '../common/format';
import { PATHS } from '../paths';
import { FigureChart } from './FigureChart';
import {
  escalationsByUnit,
  type LinkedFigure,
  onTimeByUnit,
  overdueByArea,
  tasksByState,
} from './task-figures';

/** The targets of the ward's reform plan: dossiers on time and apologies for every late one. */
const ON_TIME_TARGET = 0.9;
const APOLOGY_TARGET = 1;

/** Tổng quan: tasks by state and the dossier rates against their targets, each linked to its list. */
export function DashboardPage() {
  const dossiers = useQuery({
    queryKey: ['dashboard', 'dossiers'],
    queryFn: () => data(http.GET('/stats/dossiers')),
  });
  const overall = dossiers.data?.overall;
  // The whole ward's figures, unfiltered: each links to the list under its own filter alone.
  const taskStats = useQuery({
    queryKey: ['dashboard', 'task-stats'],
    queryFn: () => data(http.GET('/stats/tasks')),
  });
  const byState = taskStats.data && tasksByState(taskStats.data);

  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Tổng quan</Typography.Title>
      <Card
        title={<h2 className="card-title">Nhiệm vụ theo trạng thái</h2>}
        loading={taskStats.isPending}
      >
        <Row gutter={[16, 16]}>
          {byState?.map((figure) => (
            <Col key={figure.key} xs={12} md={4}>
              <Link to={figure.link} aria-label={figure.text}>
                <Statistic title={figure.label} value={formatNumber(figure.value)} />
              </Link>
            </Col>
          ))}
        </Row>
        {byState && <FigureChart title="Biểu đồ nhiệm vụ theo trạng thái" figures={byState} />}
      </Card>
      <Card
        title={<h2 className="card-title">Hoàn thành đúng hạn theo đơn vị</h2>}
        loading={taskStats.isPending}
      >
        <Typography.Paragraph>
          Đúng hạn: nghiệm thu vào hoặc trước ngày hạn (theo lịch sử nhiệm vụ). Cả phường:{' '}
          {formatRate(taskStats.data?.overall.onTimeRate, 'chưa có số liệu')} (
          {formatNumber(taskStats.data?.overall.acceptedOnTime ?? 0)}/
          {formatNumber(taskStats.data?.overall.accepted ?? 0)} nhiệm vụ).
        </Typography.Paragraph>
        {taskStats.data && (
          <LinkedFigures
            title="Tỷ lệ hoàn thành đúng hạn"
            figures={onTimeByUnit(taskStats.data)}
            percent
          />
        )}
      </Card>
      <Card
        title={<h2 className="card-title">Nhiệm vụ quá hạn theo lĩnh vực</h2>}
        loading={taskStats.isPending}
      >
        {taskStats.data && (
          <LinkedFigures
            title="Nhiệm vụ quá hạn theo lĩnh vực"
            figures={overdueByArea(taskStats.data)}
          />
        )}
      </Card>
      <Card
        title={<h2 className="card-title">Chuyển lên trong tháng</h2>}
        loading={taskStats.isPending}
      >
        {taskStats.data && (
          <>
            <Typography.Paragraph>
              Từ {formatIsoDate(taskStats.data.escalationsThisMonth.from)} đến{' '}
              {formatIsoDate(taskStats.data.escalationsThisMonth.to)}:{' '}
              {formatNumber(taskStats.data.escalationsThisMonth.total)} lần chuyển cấp trên xử lý.
            </Typography.Paragraph>
            <LinkedFigures
              title="Chuyển lên trong tháng theo đơn vị"
              figures={escalationsByUnit(taskStats.data)}
            />
          </>
        )}
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

/** Figures as a list of links (to the filtered task list) and as a chart. */
function LinkedFigures({
  title,
  figures,
  percent = false,
}: {
  title: string;
  figures: LinkedFigure[];
  percent?: boolean;
}) {
  if (figures.length === 0) return <Typography.Text>Không có</Typography.Text>;
  return (
    <>
      <List
        size="small"
        dataSource={figures}
        renderItem={(figure) => (
          <List.Item>
            <Link to={figure.link}>{figure.text}</Link>
          </List.Item>
        )}
      />
      <FigureChart title={title} figures={figures} percent={percent} horizontal />
    </>
  );
}
