import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import {
  AUDIT_SUBJECT_LABELS,
  auditEventChoices,
  auditEventLabel,
  auditStateLabel,
} from '@cchc/domain';
import { data, http, withQuery } from '../api/http';
import type { AuditEntry, AuditVerifyReport } from '../api/types';
import { formatDateTime, formatNumber } from '../common/format';
import { ROLE_LABELS } from '../common/labels';
import { useUnits } from '../common/org';
import {
  AuditFilters,
  auditFiltersFromSearch,
  auditQuery,
  searchFromAuditFilters,
} from './audit-filters';
import { apiErrorMessage } from '../common/api-error';

const LIMIT = 50;
const TYPE_OPTIONS = Object.entries(AUDIT_SUBJECT_LABELS).map(([value, label]) => ({
  value,
  label,
}));

/** The event filter's choices: the chosen subject's events, else every subject's. */
function eventOptions(type: string | undefined) {
  return auditEventChoices(type).map(({ code, label }) => ({ value: code, label }));
}

function roleLabel(role: string): string {
  return role === 'system' ? 'Hệ thống' : (ROLE_LABELS[role as keyof typeof ROLE_LABELS] ?? role);
}

/** The result of "Kiểm tra tính toàn vẹn": intact, or the first break named. */
function VerifyResult({ report }: { report: AuditVerifyReport }) {
  const figures =
    `${formatNumber(report.events)} sự kiện, ${formatNumber(report.instances)} chuỗi, ` +
    `${formatNumber(report.checkpoints)} điểm kiểm tra`;
  if (report.ok)
    return <Alert type="success" showIcon message="Nhật ký nguyên vẹn" description={figures} />;
  const [first] = report.breaks;
  return (
    <Alert
      type="error"
      showIcon
      message="Nhật ký đã bị thay đổi"
      description={
        <Space direction="vertical" size={2}>
          <span>{first.message}</span>
          <span>
            {report.breaks.length} chỗ hỏng; {figures}
          </span>
        </Space>
      }
    />
  );
}

/**
 * Nhật ký: who did what in the ward (inspector, chairman), newest first, read page by page along
 * the API's cursor; the same filters download as Excel; "Kiểm tra tính toàn vẹn" verifies the
 * ward's hash chains and signed checkpoints on the server and names the first break.
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters = auditFiltersFromSearch(params);
  const units = useUnits();
  const entries = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      data(http.GET('/audit', { params: { query: auditQuery(filters, LIMIT, pageParam) } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const verify = useMutation({
    mutationFn: () => data(http.POST('/audit/verify', { body: {} })),
  });
  const update = (change: Partial<AuditFilters>) =>
    setParams(searchFromAuditFilters({ ...filters, ...change }));
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Nhật ký</Typography.Title>
      <Card size="small">
        <Space wrap>
          <Select
            aria-label="Đối tượng"
            placeholder="Đối tượng"
            allowClear
            value={filters.type}
            options={TYPE_OPTIONS}
            onChange={(type) => update({ type, event: undefined })}
            style={{ width: 200 }}
          />
          <Select
            aria-label="Sự kiện"
            placeholder="Sự kiện"
            allowClear
            showSearch
            optionFilterProp="label"
            value={filters.event}
            options={eventOptions(filters.type)}
            onChange={(event) => update({ event })}
            style={{ width: 300 }}
          />
          <Select
            aria-label="Đơn vị người thực hiện"
            placeholder="Đơn vị người thực hiện"
            allowClear
            value={filters.unit}
            options={units.data?.list.map((unit) => ({ value: unit.id, label: unit.name }))}
            onChange={(unit) => update({ unit })}
            style={{ width: 240 }}
          />
          <DatePicker.RangePicker
            aria-label="Thời gian"
            format="DD/MM/YYYY"
            placeholder={['Từ ngày', 'Đến ngày']}
            value={[
              filters.from ? dayjs(filters.from) : null,
              filters.to ? dayjs(filters.to) : null,
            ]}
            onChange={(range) =>
              update({
                from: range?.[0]?.format('YYYY-MM-DD'),
                to: range?.[1]?.format('YYYY-MM-DD'),
              })
            }
          />
          {filters.actor && (
            <Tag closable onClose={() => update({ actor: undefined })}>
              Người thực hiện:{' '}
              {items.find((item) => item.actorId === filters.actor)?.actorName ??
                (filters.actor === 'system' ? 'Hệ thống' : filters.actor)}
            </Tag>
          )}
        </Space>
      </Card>
      <Space wrap>
        <Button href={withQuery('/audit/export.xlsx', { ...filters })} download>
          Xuất Excel
        </Button>
        <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()}>
          Kiểm tra tính toàn vẹn
        </Button>
      </Space>
      {verify.data && <VerifyResult report={verify.data} />}
      {verify.error && <Alert type="error" showIcon message={apiErrorMessage(verify.error)} />}
      {entries.error && <Alert type="error" showIcon message={apiErrorMessage(entries.error)} />}
      <Table<AuditEntry>
        rowKey="id"
        loading={entries.isFetching}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: 'Không có sự kiện phù hợp' }}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: 'Thời điểm',
            dataIndex: 'occurredAt',
            width: 150,
            render: (at: string) => formatDateTime(at),
          },
          {
            title: 'Người thực hiện',
            key: 'actor',
            render: (_: unknown, entry) => (
              <Button
                type="link"
                size="small"
                onClick={() => update({ actor: entry.actorId ?? 'system' })}
              >
                {entry.actorName ?? 'Hệ thống'}
              </Button>
            ),
          },
          { title: 'Vai trò', dataIndex: 'actorRole', render: roleLabel },
          { title: 'Đối tượng', dataIndex: 'instanceLabel' },
          {
            title: 'Sự kiện',
            key: 'event',
            render: (_: unknown, entry) => auditEventLabel(entry.instanceType, entry.eventType),
          },
          {
            title: 'Trạng thái',
            key: 'states',
            render: (_: unknown, entry) => {
              const to = auditStateLabel(entry.instanceType, entry.toState);
              return entry.fromState
                ? `${auditStateLabel(entry.instanceType, entry.fromState)} → ${to}`
                : to;
            },
          },
          { title: 'Lý do', dataIndex: 'reason', render: (reason: string | null) => reason ?? '' },
        ]}
      />
      {entries.hasNextPage && (
        <Button loading={entries.isFetchingNextPage} onClick={() => entries.fetchNextPage()}>
          Tải thêm
        </Button>
      )}
    </Space>
  );
}
