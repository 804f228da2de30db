import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, data, http } from '../api/http';
import type { PlanSummary } from '../api/types';
import { formatIsoDate } from '../common/format';
import { ScrollRegion } from '../common/ScrollRegion';
import { AreaTotalsTable, CriteriaTable } from '../par/CriteriaTable';
import { PATHS } from '../paths';
import { planName } from '../plans/plan-names';
import { TargetActualsTable } from '../plans/TargetsCard';
import type { ReportSummary } from '../reports/types';
import { useYear } from './RankingPage';
import { apiErrorMessage } from '../common/api-error';

function WardTargets({ wardId, plans }: { wardId: string; plans: PlanSummary[] }) {
  const [planId, setPlanId] = useState<string | undefined>(plans[0]?.id);
  const actuals = useQuery({
    queryKey: ['province-targets', wardId, planId],
    enabled: planId !== undefined,
    queryFn: () =>
      data(
        http.GET('/province/wards/{wardId}/plans/{planId}/targets', {
          params: { path: { wardId, planId: planId! } },
        }),
      ),
  });
  if (plans.length === 0) return <Typography.Text>Phường, xã chưa có kế hoạch</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="ward-plan">Kế hoạch</label>
        <Select
          id="ward-plan"
          style={{ minWidth: 280 }}
          value={planId}
          onChange={setPlanId}
          options={plans.map((plan) => ({ value: plan.id, label: planName(plan) }))}
        />
      </Space>
      {actuals.isError && <Alert type="error" showIcon message={apiErrorMessage(actuals.error)} />}
      <TargetActualsTable rows={actuals.data?.targets} loading={actuals.isFetching} />
    </Space>
  );
}

function WardAssessment({ wardId, year }: { wardId: string; year: number }) {
  const assessment = useQuery({
    queryKey: ['province-par', wardId, year],
    retry: false,
    queryFn: () =>
      data(http.GET('/province/wards/{wardId}/par/{year}', { params: { path: { wardId, year } } })),
  });
  if (assessment.error instanceof ApiError && assessment.error.status === 404)
    return <Typography.Text>Chưa có bộ tiêu chí Chỉ số CCHC năm {year}</Typography.Text>;
  if (assessment.isError)
    return <Alert type="error" showIcon message={apiErrorMessage(assessment.error)} />;
  if (!assessment.data) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button href={`/province/wards/${wardId}/par/${year}/export.xlsx`} download>
          Tải Excel
        </Button>
        <Button href={`/province/wards/${wardId}/par/${year}/export.docx`} download>
          Tải báo cáo (DOCX)
        </Button>
      </Space>
      <AreaTotalsTable assessment={assessment.data} />
      <CriteriaTable
        assessment={assessment.data}
        evidenceHref={(id) => `/province/wards/${wardId}/evidence/${id}`}
      />
    </Space>
  );
}

/** One ward as the province reads it: targets, self-assessment and reports, nothing to change. */
export function WardPage() {
  const { wardId = '' } = useParams();
  const [year] = useYear();
  const wards = useQuery({
    queryKey: ['province-wards'],
    queryFn: () => data(http.GET('/province/wards')),
  });
  const plans = useQuery({
    queryKey: ['province-plans', wardId],
    queryFn: () =>
      data(http.GET('/province/wards/{wardId}/plans', { params: { path: { wardId } } })),
  });
  const reports = useQuery({
    queryKey: ['province-reports', wardId],
    queryFn: () =>
      data(http.GET('/province/wards/{wardId}/reports', { params: { path: { wardId } } })),
  });
  const ward = wards.data?.find((candidate) => candidate.id === wardId);
  const error = plans.error ?? reports.error;
  return (
    <Space direction="vertical" size="middle" className="page">
      <Link to={`${PATHS.ranking}?nam=${year}`}>← Xếp hạng phường, xã</Link>
      <Typography.Title level={1}>{ward?.name ?? 'Phường, xã'}</Typography.Title>
      {error && <Alert type="error" showIcon message={apiErrorMessage(error)} />}
      <Card title="Chỉ tiêu của kế hoạch">
        {plans.data && <WardTargets wardId={wardId} plans={plans.data} />}
      </Card>
      <Card title={`Tự đánh giá Chỉ số CCHC năm ${year}`}>
        <WardAssessment wardId={wardId} year={year} />
      </Card>
      <Card title="Báo cáo định kỳ">
        {reports.data?.length === 0 ? (
          <Typography.Text>Chưa có kỳ báo cáo nào</Typography.Text>
        ) : (
          <ScrollRegion label="Báo cáo định kỳ" minWidth={640}>
            <Table<ReportSummary>
              rowKey="id"
              size="small"
              pagination={false}
              loading={reports.isFetching}
              dataSource={reports.data}
              columns={[
                {
                  title: 'Kỳ báo cáo',
                  key: 'period',
                  render: (_: unknown, row) => (
                    <Link to={`${PATHS.provinceReport(wardId, row.id)}?nam=${year}`}>
                      {row.periodLabel}
                    </Link>
                  ),
                },
                {
                  title: 'Chốt số liệu',
                  dataIndex: 'cutoffDate',
                  width: 120,
                  render: formatIsoDate,
                },
                {
                  title: 'Hạn gửi',
                  dataIndex: 'upstreamDueDate',
                  width: 110,
                  render: formatIsoDate,
                },
                { title: 'Trạng thái', dataIndex: 'stateLabel', width: 140 },
                { title: 'Số', dataIndex: 'number', width: 120 },
              ]}
            />
          </ScrollRegion>
        )}
      </Card>
    </Space>
  );
}
