import { useQuery } from '@tanstack/react-query';
import { Alert, InputNumber, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { data, http } from '../api/http';
import { formatNumber, formatRate } from '../common/format';
import { formatPercent, formatPoints } from '../par/par-tree';
import { PATHS } from '../paths';
import type { WardRanking } from './types';
import { apiErrorMessage } from '../common/api-error';

/** The year of the province's screens: in the address, so a ward's page keeps it. */
export function useYear(): [number, (year: number) => void] {
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get('nam')) || new Date().getFullYear();
  return [year, (next) => setSearch({ nam: String(next) }, { replace: true })];
}

/** "Xếp hạng phường, xã" (Sở Nội vụ): the province's wards ranked for a year, read-only. */
export function RankingPage() {
  const [year, setYear] = useYear();
  const rankings = useQuery({
    queryKey: ['province-rankings', year],
    queryFn: () => data(http.GET('/province/rankings', { params: { query: { year } } })),
  });
  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Xếp hạng phường, xã</Typography.Title>
      <Space wrap>
        <label htmlFor="ranking-year">Năm</label>
        <InputNumber
          id="ranking-year"
          min={2000}
          max={2100}
          value={year}
          onChange={(value) => value && setYear(value)}
        />
      </Space>
      {rankings.isError && (
        <Alert type="error" showIcon message={apiErrorMessage(rankings.error)} />
      )}
      {rankings.data && (
        <Typography.Text className="muted">
          Cách xếp hạng: {rankings.data.orderedBy}
        </Typography.Text>
      )}
      <Table<WardRanking>
        rowKey={(row) => row.ward.id}
        loading={rankings.isFetching}
        dataSource={rankings.data?.wards}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: 'Hạng', dataIndex: 'rank', width: 70, align: 'right' },
          {
            title: 'Phường, xã',
            key: 'ward',
            render: (_: unknown, row) => (
              <Link to={`${PATHS.provinceWard(row.ward.id)}?nam=${year}`}>{row.ward.name}</Link>
            ),
          },
          {
            title: 'Chỉ số CCHC (tự đánh giá)',
            key: 'par',
            width: 190,
            align: 'right',
            render: (_: unknown, row) =>
              row.parPoints === null
                ? '—'
                : `${formatPercent(row.parPercent)} (${formatPoints(row.parPoints)}/${formatPoints(row.parMaxPoints)})`,
          },
          {
            title: 'Hồ sơ TTHC đúng hạn',
            dataIndex: 'dossierOnTimeRate',
            width: 150,
            align: 'right',
            render: (rate: number | null) => formatRate(rate),
          },
          {
            title: 'Phiếu xin lỗi / hồ sơ quá hạn',
            dataIndex: 'apologyCoverage',
            width: 170,
            align: 'right',
            render: (rate: number | null) => formatRate(rate),
          },
          {
            title: 'Báo cáo gửi đúng hạn',
            key: 'reports',
            width: 170,
            align: 'right',
            render: (_: unknown, row) =>
              `${formatRate(row.reportsOnTimeRate)} (${formatNumber(row.reportsDue)} báo cáo đến hạn)`,
          },
        ]}
      />
    </Space>
  );
}
