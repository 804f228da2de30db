import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Checkbox, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/http';
import type { Page, Task } from '../api/types';
import { formatIsoDate } from '../common/format';
import { TASK_STATE_OPTIONS } from '../common/labels';
import { useUnits } from '../common/org';
import { SlaBadge } from './SlaBadge';
import { filtersFromSearch, searchFromFilters, TaskFilters, taskQuery } from './task-filters';
import { PATHS } from '../paths';

const PAGE_SIZE = 20;

export function TaskListPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const units = useUnits();
  const tasks = useQuery({
    queryKey: ['tasks', filters],
    queryFn: () => api<Page<Task>>('/tasks', { query: taskQuery(filters, PAGE_SIZE) }),
    placeholderData: keepPreviousData,
  });
  const update = (change: Partial<TaskFilters>) =>
    setParams(searchFromFilters({ ...filters, page: 1, ...change }));

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
      <Table<Task>
        rowKey="id"
        loading={tasks.isFetching}
        dataSource={tasks.data?.items}
        scroll={{ x: 900 }}
        pagination={{
          current: filters.page,
          pageSize: PAGE_SIZE,
          total: tasks.data?.total,
          showSizeChanger: false,
          onChange: (page) => setParams(searchFromFilters({ ...filters, page })),
        }}
        columns={[
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
