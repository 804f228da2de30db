import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Space, Spin, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { data, http } from '../api/http';
import type { PlanAreaView } from '../api/types';
import { formatDate, formatIsoDate, formatNumber } from '../common/format';
import { TASK_STATE_OPTIONS } from '../common/labels';
import { PATHS } from '../paths';
import { searchFromFilters } from '../tasks/task-filters';
import { planName } from './plan-names';
import { PlanKindTag } from './PlanKind';
import { TargetsCard } from './TargetsCard';
import { apiErrorMessage } from '../common/api-error';

/** The task list filtered to one plan (and area, and state). */
function tasksLink(planId: string, areaCode?: string, state?: string): string {
  return `${PATHS.tasks}?${searchFromFilters({ planId, areaCode, state, page: 1 })}`;
}

/** A count that opens the tasks behind it; zero stays plain text. */
function Count({ value, to, label }: { value: number; to: string; label: string }) {
  if (value === 0) return <>0</>;
  return (
    <Link to={to} aria-label={label}>
      {formatNumber(value)}
    </Link>
  );
}

/** One plan: its areas and how many of their tasks are in each state. */
export function PlanPage() {
  const { id = '' } = useParams();
  const plan = useQuery({
    queryKey: ['plan', id],
    queryFn: () => data(http.GET('/plans/{id}', { params: { path: { id } } })),
  });
  if (plan.isError) return <Alert type="error" showIcon message={apiErrorMessage(plan.error)} />;
  if (!plan.data) return <Spin />;
  const view = plan.data;
  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>{planName(view)}</Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'kind', label: 'Loại kế hoạch', children: <PlanKindTag kind={view.kind} /> },
          { key: 'year', label: 'Năm', children: view.year },
          { key: 'issued', label: 'Ngày ban hành', children: formatIsoDate(view.issuedOn) },
          { key: 'file', label: 'Tệp nguồn', children: view.sourceFile },
          { key: 'revision', label: 'Lần điều chỉnh', children: view.revision },
          { key: 'updated', label: 'Cập nhật', children: formatDate(view.updatedAt) },
          {
            key: 'tasks',
            label: 'Số nhiệm vụ',
            children: <Link to={tasksLink(view.id)}>{formatNumber(view.tasks)} nhiệm vụ</Link>,
          },
        ]}
      />
      <Typography.Title level={2} className="section-title">
        Lĩnh vực
      </Typography.Title>
      <Table<PlanAreaView>
        rowKey="code"
        dataSource={view.areas}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: 'Mục', dataIndex: 'code', width: 70 },
          { title: 'Lĩnh vực', dataIndex: 'title', width: 240 },
          {
            title: 'Tổng',
            dataIndex: 'tasks',
            width: 80,
            align: 'right',
            render: (tasks: number, area) => (
              <Count
                value={tasks}
                to={tasksLink(view.id, area.code)}
                label={`${area.code}: ${tasks} nhiệm vụ`}
              />
            ),
          },
          ...TASK_STATE_OPTIONS.map((state) => ({
            title: state.label,
            key: state.value,
            width: 100,
            align: 'right' as const,
            render: (_: unknown, area: PlanAreaView) => (
              <Count
                value={area.byState[state.value] ?? 0}
                to={tasksLink(view.id, area.code, state.value)}
                label={`${area.code}, ${state.label}: ${area.byState[state.value] ?? 0} nhiệm vụ`}
              />
            ),
          })),
        ]}
      />
      <TargetsCard planId={view.id} />
    </Space>
  );
}
