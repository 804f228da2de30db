import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Checkbox, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { data, http } from '../api/http';
import type { Dossier } from './types';
import { formatIsoDate } from '../common/format';
import { PATHS } from '../paths';
import {
  DossierFilters,
  dossierFiltersFromSearch,
  dossierQuery,
  SEARCH_MAX_LENGTH,
  searchFromDossierFilters,
} from './dossier-filters';
import { APOLOGY_OPTIONS, apologyStatus, DOSSIER_STATE_OPTIONS } from './labels';
import { DossierStatus } from './DossierStatus';
import { pagerTotal } from '../common/paging';
import { apiErrorMessage } from '../common/api-error';

const PAGE_SIZE = 20;

/** The list's parameters as a refusal names them. */
const SEARCH_LABELS = { q: 'Tìm hồ sơ' };

/** A date range filter kept in the URL as two ISO dates. */
function DateRange(props: {
  label: string;
  from?: string;
  to?: string;
  onChange: (from?: string, to?: string) => void;
}) {
  return (
    <DatePicker.RangePicker
      aria-label={props.label}
      format="DD/MM/YYYY"
      // Short enough to show whole ("Tiếp nhận từ n…" was cut), in a box wide enough for it.
      placeholder={[`${props.label} từ`, 'đến']}
      style={{ width: 280, maxWidth: '100%' }}
      value={[props.from ? dayjs(props.from) : null, props.to ? dayjs(props.to) : null]}
      onChange={(range) =>
        props.onChange(range?.[0]?.format('YYYY-MM-DD'), range?.[1]?.format('YYYY-MM-DD'))
      }
    />
  );
}

/**
 * "Tìm hồ sơ": what is typed stays in the box (and the focus with it) until searched; the box
 * follows the URL's search when that changes (back, a link, another filter keeps it).
 */
function SearchBox({
  value,
  onSearch,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      aria-label="Tìm hồ sơ"
      placeholder="Mã hồ sơ hoặc họ tên người nộp"
      title="Mã hồ sơ: đúng mã hoặc phần đầu mã. Họ tên: phần đầu họ tên, gõ có dấu hay không dấu đều được."
      value={text}
      onChange={(event) => setText(event.target.value)}
      maxLength={SEARCH_MAX_LENGTH}
      onSearch={(typed) => onSearch(typed.trim() || undefined)}
      allowClear
      enterButton
      style={{ width: 320, maxWidth: '100%' }}
    />
  );
}

export function DossierListPage() {
  const [params, setParams] = useSearchParams();
  const filters = dossierFiltersFromSearch(params);
  const dossiers = useQuery({
    queryKey: ['dossiers', filters],
    queryFn: () =>
      data(http.GET('/dossiers', { params: { query: dossierQuery(filters, PAGE_SIZE) } })),
    placeholderData: keepPreviousData,
  });
  const update = (change: Partial<DossierFilters>) =>
    setParams(searchFromDossierFilters({ ...filters, page: 1, ...change }));

  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Hồ sơ TTHC</Typography.Title>
      <Card size="small">
        <Space wrap>
          <SearchBox value={filters.q} onSearch={(q) => update({ q })} />
          <Select
            aria-label="Trạng thái"
            placeholder="Trạng thái"
            allowClear
            value={filters.state}
            options={DOSSIER_STATE_OPTIONS}
            onChange={(state) => update({ state })}
            style={{ width: 170 }}
          />
          <Select
            aria-label="Phiếu xin lỗi"
            placeholder="Phiếu xin lỗi"
            allowClear
            value={filters.apology}
            options={APOLOGY_OPTIONS}
            onChange={(apology) => update({ apology })}
            style={{ width: 170 }}
          />
          <DateRange
            label="Tiếp nhận"
            from={filters.receivedFrom}
            to={filters.receivedTo}
            onChange={(receivedFrom, receivedTo) => update({ receivedFrom, receivedTo })}
          />
          <DateRange
            label="Hẹn trả"
            from={filters.appointmentFrom}
            to={filters.appointmentTo}
            onChange={(appointmentFrom, appointmentTo) =>
              update({ appointmentFrom, appointmentTo })
            }
          />
          <Checkbox
            checked={filters.overdue ?? false}
            onChange={(event) => update({ overdue: event.target.checked || undefined })}
          >
            Chỉ hồ sơ quá hạn
          </Checkbox>
        </Space>
      </Card>
      {dossiers.error && (
        <Alert
          type="error"
          showIcon
          message={apiErrorMessage(dossiers.error, undefined, SEARCH_LABELS)}
        />
      )}
      <Table<Dossier>
        rowKey="id"
        loading={dossiers.isFetching}
        dataSource={dossiers.data?.items}
        locale={{
          // A refusal is said above the table, not as an empty list.
          emptyText: dossiers.error
            ? 'Không tải được danh sách hồ sơ'
            : filters.q
              ? `Không có hồ sơ phù hợp (mã hồ sơ hoặc họ tên người nộp bắt đầu bằng “${filters.q}”)`
              : 'Không có hồ sơ phù hợp',
        }}
        scroll={{ x: 900 }}
        pagination={{
          current: filters.page,
          pageSize: PAGE_SIZE,
          total: pagerTotal(dossiers.data, filters.page, PAGE_SIZE),
          showSizeChanger: false,
          onChange: (page) => setParams(searchFromDossierFilters({ ...filters, page })),
        }}
        columns={[
          {
            title: 'Mã hồ sơ',
            dataIndex: 'code',
            render: (code: string) => <Link to={PATHS.dossier(code)}>{code}</Link>,
          },
          {
            title: 'Thủ tục',
            key: 'procedure',
            render: (_: unknown, dossier) => dossier.procedure.name,
          },
          { title: 'Người nộp', key: 'applicant', render: (_: unknown, d) => d.applicant.name },
          { title: 'Ngày tiếp nhận', dataIndex: 'receivedOn', width: 130, render: formatIsoDate },
          {
            title: 'Ngày hẹn trả',
            dataIndex: 'appointmentDate',
            width: 130,
            render: formatIsoDate,
          },
          {
            title: 'Trạng thái',
            key: 'state',
            width: 170,
            render: (_: unknown, dossier) => <DossierStatus dossier={dossier} />,
          },
          {
            title: 'Phiếu xin lỗi',
            key: 'apology',
            width: 140,
            render: (_: unknown, dossier) => apologyStatus(dossier),
          },
        ]}
      />
    </Space>
  );
}
