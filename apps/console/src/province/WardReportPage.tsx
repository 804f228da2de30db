import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Spin, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { data, http } from '../api/http';
import { formatNumber, formatRate } from '../common/format';
import { ScrollRegion } from '../common/ScrollRegion';
import { PATHS } from '../paths';
import { CONTRIBUTION_COLUMNS } from '../reports/contribution-columns';
import { ReportFacts } from '../reports/ReportFacts';
import { RevisionsTable } from '../reports/RevisionsTable';
import type { Contribution } from '../reports/types';
import { useYear } from './RankingPage';
import { apiErrorMessage } from '../common/api-error';

/**
 * The part of a revision's JSON (`GET …/document?format=json`, libs/reports ReportContent) this
 * page shows: the figures as frozen at compile time.
 */
interface FrozenFigures {
  content: {
    tasks: {
      total: number;
      done: number;
      donePercent: number | null;
      doneOnTime: number;
      doneLate: number;
      overdue: unknown[];
    };
    dossiers: {
      received: number;
      onTimeRate: number | null;
      apologyCoverage: number | null;
      overdue: number;
    };
    targets: {
      rows: {
        code: string;
        name: string;
        target: string;
        actual: string | null;
        verdict: string;
      }[];
      note: string | null;
    };
    inspections: { rows: { label: string; value: string }[]; note: string | null };
  };
}

const documentUrl = (wardId: string, reportId: string, revision: number, format: string) =>
  `/province/wards/${wardId}/reports/${reportId}/document?format=${format}&revision=${revision}`;

function Figures({
  wardId,
  reportId,
  revision,
}: {
  wardId: string;
  reportId: string;
  revision: number;
}) {
  const figures = useQuery({
    queryKey: ['province-report-figures', wardId, reportId, revision],
    queryFn: async () =>
      (await data(
        http.GET('/province/wards/{wardId}/reports/{reportId}/document', {
          params: { path: { wardId, reportId }, query: { format: 'json', revision } },
          parseAs: 'json',
        }),
      )) as unknown as FrozenFigures,
  });
  if (figures.isError)
    return <Alert type="error" showIcon message={apiErrorMessage(figures.error)} />;
  if (!figures.data) return <Spin />;
  const { tasks, dossiers, targets, inspections } = figures.data.content;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'tasks', label: 'Nhiệm vụ', children: formatNumber(tasks.total) },
          {
            key: 'done',
            label: 'Đã hoàn thành',
            children: `${formatNumber(tasks.done)} (${tasks.donePercent === null ? '—' : `${formatNumber(tasks.donePercent)}%`})`,
          },
          {
            key: 'onTime',
            label: 'Đúng hạn / trễ hạn',
            children: `${formatNumber(tasks.doneOnTime)} / ${formatNumber(tasks.doneLate)}`,
          },
          {
            key: 'overdue',
            label: 'Nhiệm vụ quá hạn',
            children: formatNumber(tasks.overdue.length),
          },
          {
            key: 'received',
            label: 'Hồ sơ TTHC tiếp nhận',
            children: formatNumber(dossiers.received),
          },
          { key: 'onTimeRate', label: 'Hồ sơ đúng hạn', children: formatRate(dossiers.onTimeRate) },
          {
            key: 'apology',
            label: 'Phiếu xin lỗi / hồ sơ quá hạn',
            children: formatRate(dossiers.apologyCoverage),
          },
        ]}
      />
      <Typography.Title level={3}>Chỉ tiêu</Typography.Title>
      {targets.note ? (
        <Typography.Text>{targets.note}</Typography.Text>
      ) : (
        <ScrollRegion label="Chỉ tiêu của báo cáo" minWidth={640}>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={targets.rows}
            columns={[
              { title: 'Mã', dataIndex: 'code', width: 90 },
              { title: 'Chỉ tiêu', dataIndex: 'name' },
              { title: 'Yêu cầu', dataIndex: 'target', width: 130 },
              {
                title: 'Thực hiện',
                dataIndex: 'actual',
                width: 130,
                render: (v: string | null) => v ?? '—',
              },
              { title: 'Đánh giá', dataIndex: 'verdict', width: 140 },
            ]}
          />
        </ScrollRegion>
      )}
      <Typography.Title level={3}>Kiểm tra CCHC</Typography.Title>
      {inspections.note ? (
        <Typography.Text>{inspections.note}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={inspections.rows.map((row) => ({
            key: row.label,
            label: row.label,
            children: row.value,
          }))}
        />
      )}
    </Space>
  );
}

/** A ward's periodic report as the province reads it: facts, frozen figures, units, downloads. */
export function WardReportPage() {
  const { wardId = '', reportId = '' } = useParams();
  const [year] = useYear();
  const report = useQuery({
    queryKey: ['province-report', wardId, reportId],
    queryFn: () =>
      data(
        http.GET('/province/wards/{wardId}/reports/{reportId}', {
          params: { path: { wardId, reportId } },
        }),
      ),
  });
  if (report.isError)
    return <Alert type="error" showIcon message={apiErrorMessage(report.error)} />;
  if (!report.data) return <Spin />;
  const view = report.data;
  const latest = view.revisions.at(-1)?.revision;
  return (
    <Space direction="vertical" size="middle" className="page">
      <Link to={`${PATHS.provinceWard(wardId)}?nam=${year}`}>← Phường, xã</Link>
      <Typography.Title level={1}>Báo cáo CCHC {view.periodLabel}</Typography.Title>
      <ReportFacts report={view} />
      <Card title={latest ? `Số liệu (lần tổng hợp ${latest})` : 'Số liệu'}>
        {latest ? (
          <Figures wardId={wardId} reportId={reportId} revision={latest} />
        ) : (
          <Typography.Text>Chưa tổng hợp số liệu</Typography.Text>
        )}
      </Card>
      <Card title="Báo cáo của các đơn vị">
        <ScrollRegion label="Báo cáo của các đơn vị" minWidth={640}>
          <Table<Contribution>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={view.contributions}
            columns={CONTRIBUTION_COLUMNS}
          />
        </ScrollRegion>
      </Card>
      <Card title="Các lần tổng hợp số liệu">
        <RevisionsTable
          revisions={view.revisions}
          documentUrl={(revision, format) => documentUrl(wardId, reportId, revision, format)}
        />
      </Card>
    </Space>
  );
}
