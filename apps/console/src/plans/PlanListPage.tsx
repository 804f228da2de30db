import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { data, http } from '../api/http';
import type { PlanSummary } from '../api/types';
import { formatDate, formatIsoDate, formatNumber } from '../common/format';
import { useUser } from '../session/session';
import { PATHS } from '../paths';
import { canImportPlans, planName } from './plan-names';
import { PlanKindTag } from './PlanKind';

/** The ward's imported plans; the coordinator starts an import from here. */
export function PlanListPage() {
  const user = useUser();
  const navigate = useNavigate();
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => data(http.GET('/plans')) });
  return (
    <Space direction="vertical" size="middle" className="page">
      <Space wrap>
        <Typography.Title level={1}>Kế hoạch</Typography.Title>
        {canImportPlans(user.role) && (
          <Button type="primary" onClick={() => navigate(PATHS.planImport)}>
            Nhập kế hoạch
          </Button>
        )}
      </Space>
      <Table<PlanSummary>
        rowKey="id"
        loading={plans.isFetching}
        dataSource={plans.data}
        pagination={false}
        scroll={{ x: 990 }}
        locale={{ emptyText: 'Chưa có kế hoạch nào được nhập' }}
        columns={[
          {
            title: 'Kế hoạch',
            key: 'name',
            render: (_: unknown, plan) => <Link to={PATHS.plan(plan.id)}>{planName(plan)}</Link>,
          },
          {
            title: 'Loại',
            dataIndex: 'kind',
            width: 230,
            render: (kind: PlanSummary['kind']) => <PlanKindTag kind={kind} />,
          },
          { title: 'Năm', dataIndex: 'year', width: 80 },
          { title: 'Ngày ban hành', dataIndex: 'issuedOn', width: 130, render: formatIsoDate },
          {
            title: 'Số nhiệm vụ',
            dataIndex: 'tasks',
            width: 120,
            align: 'right',
            render: formatNumber,
          },
          { title: 'Lần điều chỉnh', dataIndex: 'revision', width: 130, align: 'right' },
          { title: 'Cập nhật', dataIndex: 'updatedAt', width: 120, render: formatDate },
        ]}
      />
    </Space>
  );
}
