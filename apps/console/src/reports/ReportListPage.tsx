import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { REPORT_PERIOD_KIND_LABELS, REPORT_PERIOD_KINDS, ReportPeriodKind } from '@cchc/domain';
import { data, http } from '../api/http';
import { formatIsoDate } from '../common/format';
import { ScrollRegion } from '../common/ScrollRegion';
import { PATHS } from '../paths';
import { useUser } from '../session/session';
import { CalendarForm } from './CalendarForm';
import type { ReportingCalendar, ReportSummary } from './types';
import { apiErrorMessage } from '../common/api-error';

const KIND_OPTIONS = REPORT_PERIOD_KINDS.map((value) => ({
  value,
  label: REPORT_PERIOD_KIND_LABELS[value],
}));

/**
 * The ward's reporting calendar: per period kind, the cut-off day and the two due days; the
 * coordinator edits it here, the others read it.
 */
function CalendarCard({ calendar, editable }: { calendar: ReportingCalendar; editable: boolean }) {
  const rows = REPORT_PERIOD_KINDS.map((kind) => ({ kind, ...calendar.periods[kind] }));
  return (
    <Card
      title={`Lịch báo cáo${calendar.preset ? ' (theo hướng dẫn của Bộ Nội vụ)' : ' của phường'}`}
    >
      {editable ? (
        <CalendarForm calendar={calendar} />
      ) : (
        <ScrollRegion label="Lịch báo cáo" minWidth={520}>
          <Table
            rowKey="kind"
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              {
                title: 'Kỳ',
                dataIndex: 'kind',
                render: (kind: ReportPeriodKind) => REPORT_PERIOD_KIND_LABELS[kind],
              },
              { title: 'Chốt số liệu ngày', dataIndex: 'cutoffDay' },
              { title: 'Đơn vị gửi trước ngày', dataIndex: 'contributionDueDay' },
              { title: 'Gửi cấp trên trước ngày', dataIndex: 'upstreamDueDay' },
            ]}
          />
        </ScrollRegion>
      )}
      <Typography.Paragraph className="muted" style={{ marginTop: 16, marginBottom: 0 }}>
        Các ngày tính theo tháng cuối kỳ; hạn rơi vào ngày nghỉ được{' '}
        {calendar.dueDayShift === 'after'
          ? 'chuyển sang ngày làm việc sau'
          : calendar.dueDayShift === 'before'
            ? 'lùi về ngày làm việc trước'
            : 'giữ nguyên'}
        .{calendar.countFrom ? ` Số liệu tính từ ngày ${formatIsoDate(calendar.countFrom)}.` : ''}
      </Typography.Paragraph>
    </Card>
  );
}

/** Opening a period (coordinator): the report and the units' contribution requests. */
function OpenPeriodForm() {
  const navigate = useNavigate();
  const open = useMutation({
    mutationFn: (body: { kind: ReportPeriodKind; year: number; index: number }) =>
      data(http.POST('/reports', { body })),
    onSuccess: (report) => navigate(PATHS.report(report.id)),
  });
  return (
    <Card title="Mở kỳ báo cáo">
      {open.isError && <Alert type="error" showIcon message={apiErrorMessage(open.error)} />}
      <Form
        layout="inline"
        initialValues={{ kind: 'quy', year: new Date().getFullYear(), index: 1 }}
        onFinish={(values) => open.mutate(values)}
      >
        <Form.Item name="kind" label="Kỳ" rules={[{ required: true }]}>
          <Select options={KIND_OPTIONS} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="index" label="Số kỳ" rules={[{ required: true }]}>
          <InputNumber min={1} max={12} />
        </Form.Item>
        <Form.Item name="year" label="Năm" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={open.isPending}>
          Mở kỳ báo cáo
        </Button>
      </Form>
    </Card>
  );
}

/** "Báo cáo định kỳ": the ward's calendar and reports; the coordinator opens a period here. */
export function ReportListPage() {
  const user = useUser();
  const calendar = useQuery({
    queryKey: ['report-calendar'],
    queryFn: () => data(http.GET('/reports/calendar')),
  });
  const reports = useQuery({ queryKey: ['reports'], queryFn: () => data(http.GET('/reports')) });
  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Báo cáo định kỳ</Typography.Title>
      {calendar.data && (
        <CalendarCard calendar={calendar.data} editable={user.role === 'coordinator'} />
      )}
      {user.role === 'coordinator' && <OpenPeriodForm />}
      {reports.data?.length === 0 ? (
        <Typography.Text>Chưa có kỳ báo cáo nào</Typography.Text>
      ) : (
        <Table<ReportSummary>
          rowKey="id"
          loading={reports.isFetching}
          dataSource={reports.data}
          pagination={false}
          scroll={{ x: 760 }}
          columns={[
            {
              title: 'Kỳ báo cáo',
              key: 'period',
              render: (_: unknown, report) => (
                <Link to={PATHS.report(report.id)}>{report.periodLabel}</Link>
              ),
            },
            { title: 'Chốt số liệu', dataIndex: 'cutoffDate', width: 120, render: formatIsoDate },
            { title: 'Hạn gửi', dataIndex: 'upstreamDueDate', width: 110, render: formatIsoDate },
            { title: 'Trạng thái', dataIndex: 'stateLabel', width: 140 },
            { title: 'Số', dataIndex: 'number', width: 120 },
          ]}
        />
      )}
    </Space>
  );
}
