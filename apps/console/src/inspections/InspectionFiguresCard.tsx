import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions } from 'antd';
import { data, http } from '../api/http';
import { formatNumber, formatRate } from '../common/format';
import { apiErrorMessage } from '../common/api-error';

/** The year's inspection figures against their targets (100% of units, 100% of findings). */
export function InspectionFiguresCard({ year }: { year: number }) {
  const figures = useQuery({
    queryKey: ['inspection-figures', year],
    queryFn: () => data(http.GET('/stats/inspections', { params: { query: { year } } })),
  });
  if (figures.isError)
    return <Alert type="error" showIcon message={apiErrorMessage(figures.error)} />;
  const view = figures.data;
  return (
    <Card size="small" title={`Kết quả kiểm tra năm ${year}`} loading={!view}>
      {view && (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'coverage',
              label: 'Đơn vị đã được kiểm tra',
              children: `${formatNumber(view.unitsInspected)}/${formatNumber(view.unitsTotal)} (${formatRate(view.coverageRate)}; chỉ tiêu ${formatRate(view.coverageTarget)})`,
            },
            {
              key: 'settled',
              label: 'Tồn tại đã khắc phục, xử lý',
              children: `${formatNumber(view.settled)}/${formatNumber(view.findings)} (${formatRate(view.remediationRate)}; chỉ tiêu ${formatRate(view.remediationTarget)})`,
            },
            { key: 'overdue', label: 'Khắc phục quá hạn', children: formatNumber(view.overdue) },
          ]}
        />
      )}
    </Card>
  );
}
