import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { data, http } from '../api/http';
import { ScrollRegion } from '../common/ScrollRegion';
import { formatPoints } from './par-tree';
import type { LostPoints } from './types';

/** Leaf criteria that lost points this year, against the year before, with their lead units. */
export function LostPointsCard({ year }: { year: number }) {
  const lost = useQuery({
    queryKey: ['par-lost', year],
    queryFn: () => data(http.GET('/par/{year}/lost-points', { params: { path: { year } } })),
  });
  if (!lost.data) return null;
  return (
    <Card title={`Tiêu chí bị mất điểm so với năm ${lost.data.previousYear}`}>
      {lost.data.criteria.length === 0 ? (
        <Typography.Text>Không có tiêu chí nào bị mất điểm</Typography.Text>
      ) : (
        <ScrollRegion label="Tiêu chí bị mất điểm" minWidth={760}>
          <Table<LostPoints>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={lost.data.criteria}
            columns={[
              { title: 'Mã', dataIndex: 'code', width: 90 },
              { title: 'Tiêu chí', dataIndex: 'name' },
              {
                title: 'Mất năm nay',
                dataIndex: 'lost',
                width: 110,
                align: 'right',
                render: formatPoints,
              },
              {
                title: 'Mất năm trước',
                dataIndex: 'previousLost',
                width: 120,
                align: 'right',
                render: formatPoints,
              },
              {
                title: 'Thay đổi',
                dataIndex: 'change',
                width: 90,
                align: 'right',
                render: (change: number | null) =>
                  change === null ? '—' : `${change > 0 ? '+' : ''}${formatPoints(change)}`,
              },
              {
                title: 'Cơ quan chủ trì',
                dataIndex: 'leadUnits',
                width: 200,
                render: (units: string[]) => units.join(', ') || '—',
              },
            ]}
          />
        </ScrollRegion>
      )}
    </Card>
  );
}
