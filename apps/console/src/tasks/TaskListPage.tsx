import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { data, http, withQuery } from '../api/http';
import type { Task } from '../api/types';
import { formatIsoDate } from '../common/format';
import { TASK_STATE_OPTIONS } from '../common/labels';
import { useUnits } from '../common/org';
import { useUser } from '../session/session';
import { BulkActionDialog } from './BulkActionDialog';
import { BULK_ACTION_LABELS, BulkActionType } from './bulk-actions';
import { planOrdinal } from './plan-ordinal';
import { SlaBadge } from './SlaBadge';
import { filtersFromSearch, searchFromFilters, TaskFilters, taskQuery } from './task-filters';
import { PATHS } from '../paths';
import { pagerTotal } from '../common/paging';

const PAGE_SIZE = 20;
/** Who may act on many tasks at once (POST /tasks/bulk). */
const BULK_ROLES = ['coordinator', 'chairman'];
const BULK_ACTIONS = Object.keys(BULK_ACTION_LABELS) as BulkActionType[];

export function TaskListPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const units = useUnits();
  const tasks = useQuery({
    queryKey: ['tasks', filters],
    queryFn: () => data(http.GET('/tasks', { params: { query: taskQuery(filters, PAGE_SIZE) } })),
    placeholderData: keepPreviousData,
  });
  const update = (change: Partial<TaskFilters>) =>
    setParams(searchFromFilters({ ...filters, page: 1, ...change }));
  const client = useQueryClient();
  const canBulk = BULK_ROLES.includes(useUser().role);
  const [selected, setSelected] = useState<Task[]>([]);
  const [bulkAction, setBulkAction] = useState<BulkActionType | null>(null);
  /** The file holds every row of the view, so it takes the filters without the paging. */
  const exportQuery = { ...taskQuery(filters, PAGE_SIZE), page: undefined, pageSize: undefined };

  return (
    <Space direction="vertical" size="middle" className="page">
      <Typography.Title level={1}>Nhiệm vụ</Typography.Title>
      <Card size="small">
        <Space wrap>
          <Input.Search
            aria-label="Tìm kiếm"
            placeholder="Tìm trong tên, nội dung"
            defaultValue={filters.text}
            onSearch={(text) => update({ text: text.trim() || undefined })}
            allowClear
            style={{ width: 260 }}
          />
          <Select
            aria-label="Trạng thái"
            placeholder="Trạng thái"
            allowClear
            value={filters.state}
            options={TASK_STATE_OPTIONS}
            onChange={(state) => update({ state })}
            style={{ width: 170 }}
          />
          <Select
            aria-label="Cơ quan chủ trì"
            placeholder="Cơ quan chủ trì"
            allowClear
            showSearch
            optionFilterProp="label"
            value={filters.leadUnitId}
            options={units.data?.list.map((unit) => ({ value: unit.id, label: unit.name }))}
            onChange={(leadUnitId) => update({ leadUnitId })}
            style={{ width: 260 }}
          />
          <DatePicker.RangePicker
            aria-label="Thời hạn"
            format="DD/MM/YYYY"
            placeholder={['Hạn từ ngày', 'đến ngày']}
            value={[
              filters.dueAfter ? dayjs(filters.dueAfter) : null,
              filters.dueBefore ? dayjs(filters.dueBefore) : null,
            ]}
            onChange={(range) =>
              update({
                dueAfter: range?.[0]?.format('YYYY-MM-DD'),
                dueBefore: range?.[1]?.format('YYYY-MM-DD'),
              })
            }
          />
          <Checkbox
            checked={filters.overdue ?? false}
            onChange={(event) => update({ overdue: event.target.checked || undefined })}
          >
            Chỉ nhiệm vụ quá hạn
          </Checkbox>
        </Space>
      </Card>
      <Space wrap>
        {canBulk && (
          <>
            <Typography.Text>Đã chọn {selected.length} nhiệm vụ</Typography.Text>
            {BULK_ACTIONS.map((type) => (
              <Button
                key={type}
                disabled={selected.length === 0}
                onClick={() => setBulkAction(type)}
              >
                {BULK_ACTION_LABELS[type]}
              </Button>
            ))}
          </>
        )}
        <Button href={withQuery('/tasks/export.xlsx', exportQuery)} download>
          Xuất Excel
        </Button>
      </Space>
      {bulkAction && (
        <BulkActionDialog
          type={bulkAction}
          tasks={selected}
          onClose={() => {
            setBulkAction(null);
            setSelected([]);
          }}
          onDone={() => void client.invalidateQueries({ queryKey: ['tasks'] })}
        />
      )}
      <Table<Task>
        rowKey="id"
        rowSelection={
          canBulk
            ? {
                selectedRowKeys: selected.map((task) => task.id),
                preserveSelectedRowKeys: true,
                onChange: (_keys, rows) => setSelected(rows.filter(Boolean)),
                getCheckboxProps: (task) => ({ 'aria-label': `Chọn: ${task.title}` }),
              }
            : undefined
        }
        loading={tasks.isFetching}
        dataSource={tasks.data?.items}
        scroll={{ x: 972 }}
        pagination={{
          current: filters.page,
          pageSize: PAGE_SIZE,
          total: pagerTotal(tasks.data, filters.page, PAGE_SIZE),
          showSizeChanger: false,
          onChange: (page) => setParams(searchFromFilters({ ...filters, page })),
        }}
        columns={[
          {
            // The task's number in its plan, to find it in the plan's Word table.
            title: 'STT',
            key: 'ordinal',
            width: 72,
            render: (_: unknown, task) => planOrdinal(task) || '—',
          },
          {
            title: 'Nhiệm vụ',
            dataIndex: 'title',
            render: (title: string, task) => <Link to={PATHS.task(task.id)}>{title}</Link>,
          },
          {
            title: 'Cơ quan chủ trì',
            dataIndex: 'leadUnitId',
            render: (id: string) => units.data?.byId.get(id)?.name ?? '—',
          },
          { title: 'Thời hạn', dataIndex: 'dueDate', width: 120, render: formatIsoDate },
          { title: 'Trạng thái', dataIndex: 'stateLabel', width: 140 },
          {
            title: 'Tiến độ',
            key: 'sla',
            width: 210,
            render: (_: unknown, task) => <SlaBadge sla={task.sla} />,
          },
        ]}
      />
    </Space>
  );
}
