import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { data, http } from '../api/http';
import { formatIsoDate } from '../common/format';
import { PATHS } from '../paths';
import { useUser } from '../session/session';
import { CreateCampaignDialog } from './CreateCampaignDialog';
import { InspectionFiguresCard } from './InspectionFiguresCard';
import type { CampaignSummary } from './types';

/** The roles that plan a campaign (POST /inspections/campaigns). */
const PLANNERS = ['chairman', 'coordinator', 'inspector'];

/** The inspection campaigns the user may see, and the latest year's figures. */
export function CampaignListPage() {
  const user = useUser();
  const [planning, setPlanning] = useState(false);
  const campaigns = useQuery({
    queryKey: ['inspection-campaigns'],
    queryFn: () => data(http.GET('/inspections/campaigns')),
  });
  const year = campaigns.data?.[0]?.year ?? new Date().getFullYear();
  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Kiểm tra</Typography.Title>
      <Space wrap>
        {PLANNERS.includes(user.role) && (
          <Button type="primary" onClick={() => setPlanning(true)}>
            Lập đợt kiểm tra
          </Button>
        )}
        <Link to={PATHS.checklistTemplate}>Danh mục kiểm tra</Link>
      </Space>
      {planning && <CreateCampaignDialog onClose={() => setPlanning(false)} />}
      {campaigns.data && <InspectionFiguresCard year={year} />}
      <Table<CampaignSummary>
        rowKey="id"
        loading={campaigns.isFetching}
        dataSource={campaigns.data}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: 'Chưa có đợt kiểm tra nào' }}
        columns={[
          {
            title: 'Đợt kiểm tra',
            key: 'title',
            render: (_: unknown, campaign) => (
              <Link to={PATHS.inspection(campaign.id)}>{campaign.title}</Link>
            ),
          },
          { title: 'Quyết định', dataIndex: 'decisionNumber', width: 140 },
          { title: 'Ngày', dataIndex: 'decisionDate', width: 110, render: formatIsoDate },
          { title: 'Hình thức', dataIndex: 'kindLabel', width: 150 },
          { title: 'Năm', dataIndex: 'year', width: 70 },
          { title: 'Trạng thái', dataIndex: 'stateLabel', width: 140 },
        ]}
      />
    </Space>
  );
}
