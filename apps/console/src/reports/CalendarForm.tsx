import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
} from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { REPORT_PERIOD_KIND_LABELS, REPORT_PERIOD_KINDS, ReportPeriodKind } from '@cchc/domain';
import { data, http } from '../api/http';
import { showFieldErrors } from '../common/field-errors';
import type { ReportingCalendar } from './types';
import { apiErrorMessage } from '../common/api-error';

type Fields = Omit<ReportingCalendar, 'preset' | 'countFrom'> & { countFrom: Dayjs | null };

const DAY_FIELDS = [
  { field: 'cutoffDay', title: 'Chốt số liệu ngày' },
  { field: 'contributionDueDay', title: 'Đơn vị gửi trước ngày' },
  { field: 'upstreamDueDay', title: 'Gửi cấp trên trước ngày' },
] as const;

const SHIFT_OPTIONS = [
  { value: 'before', label: 'Lùi về ngày làm việc trước' },
  { value: 'after', label: 'Chuyển sang ngày làm việc sau' },
  { value: 'none', label: 'Giữ nguyên' },
];

const fieldsOf = ({ periods, dueDayShift, countFrom }: ReportingCalendar): Fields => ({
  periods,
  dueDayShift,
  countFrom: countFrom ? dayjs(countFrom) : null,
});

/**
 * The coordinator's edit of the ward's reporting calendar. The days are checked by the API
 * (1 to 28, so every month has them), whose refusals show beside the fields they name.
 */
export function CalendarForm({ calendar }: { calendar: ReportingCalendar }) {
  const [form] = Form.useForm<Fields>();
  // A refusal that names its fields shows beside them only, not again on top.
  const [fieldNamed, setFieldNamed] = useState(false);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const saved = (view: ReportingCalendar, text: string) => {
    queryClient.setQueryData(['report-calendar'], view);
    form.setFieldsValue(fieldsOf(view));
    message.success(text);
  };
  const save = useMutation({
    mutationFn: ({ countFrom, ...rules }: Fields) =>
      data(
        http.PUT('/reports/calendar', {
          body: { ...rules, countFrom: countFrom ? countFrom.format('YYYY-MM-DD') : null },
        }),
      ),
    // The last refusal's messages go; the new answer puts back those still true.
    onMutate: () =>
      form.setFields(form.getFieldsError().map(({ name }) => ({ name, errors: [] })) as never),
    onSuccess: (view) => saved(view, 'Đã lưu lịch báo cáo'),
    onError: (error) => setFieldNamed(showFieldErrors(form, error)),
  });
  const reset = useMutation({
    mutationFn: () => data(http.DELETE('/reports/calendar')),
    onSuccess: (view) => saved(view, 'Đã trở lại lịch theo hướng dẫn của Bộ Nội vụ'),
  });
  const failure = (fieldNamed ? null : save.error) ?? reset.error;
  return (
    <Form form={form} initialValues={fieldsOf(calendar)} onFinish={(values) => save.mutate(values)}>
      <Table
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={REPORT_PERIOD_KINDS.map((kind) => ({ kind }))}
        scroll={{ x: 620 }}
        columns={[
          {
            title: 'Kỳ',
            dataIndex: 'kind',
            render: (kind: ReportPeriodKind) => REPORT_PERIOD_KIND_LABELS[kind],
          },
          ...DAY_FIELDS.map(({ field, title }) => ({
            title,
            key: field,
            render: (_: unknown, { kind }: { kind: ReportPeriodKind }) => (
              <Form.Item
                name={['periods', kind, field]}
                rules={[{ required: true, message: 'Cần nhập ngày' }]}
                style={{ margin: 0 }}
              >
                <InputNumber
                  precision={0}
                  aria-label={`${REPORT_PERIOD_KIND_LABELS[kind]}: ${title.toLowerCase()}`}
                  style={{ width: 90 }}
                />
              </Form.Item>
            ),
          })),
        ]}
      />
      <Space wrap align="start" style={{ display: 'flex', marginTop: 16 }}>
        <Form.Item name="dueDayShift" label="Hạn rơi vào ngày nghỉ" style={{ marginBottom: 8 }}>
          <Select options={SHIFT_OPTIONS} style={{ width: 250 }} />
        </Form.Item>
        <Form.Item
          name="countFrom"
          label="Tính số liệu từ ngày"
          tooltip="Phường thành lập giữa năm: số liệu các kỳ tính từ ngày này"
          style={{ marginBottom: 8 }}
        >
          <DatePicker format="DD/MM/YYYY" placeholder="Từ đầu kỳ" />
        </Form.Item>
      </Space>
      {failure && <Alert type="error" showIcon message={apiErrorMessage(failure)} />}
      <Space wrap style={{ display: 'flex', marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Lưu lịch báo cáo
        </Button>
        {!calendar.preset && (
          <Popconfirm
            title="Bỏ lịch riêng của phường, dùng lại lịch theo hướng dẫn của Bộ Nội vụ?"
            okText="Đồng ý"
            cancelText="Đóng"
            onConfirm={() => reset.mutate()}
          >
            <Button loading={reset.isPending}>Dùng lịch theo hướng dẫn của Bộ Nội vụ</Button>
          </Popconfirm>
        )}
      </Space>
    </Form>
  );
}
