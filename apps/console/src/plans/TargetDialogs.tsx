import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  COMPARATOR_SIGNS,
  TARGET_COMPARATORS,
  TARGET_METRIC_LABELS,
  TARGET_METRICS,
} from '@cchc/domain';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { data, http } from '../api/http';
import { EvidenceUpload } from '../common/EvidenceUpload';
import { Target, targetBody, TargetFormValues, targetFormValues } from './target-view';
import { apiErrorMessage } from '../common/api-error';

const METRIC_OPTIONS = TARGET_METRICS.map((value) => ({
  value,
  label: TARGET_METRIC_LABELS[value],
}));
const COMPARATOR_OPTIONS = TARGET_COMPARATORS.map((value) => ({
  value,
  label: COMPARATOR_SIGNS[value],
}));

/** Refreshes every view of the plan's targets (the list, the suggestions, the actuals). */
function useTargetsChanged(planId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['targets', planId] });
}

/** "Thêm chỉ tiêu" (target null) or "Sửa chỉ tiêu": the coordinator writes a target by hand. */
export function TargetFormDialog({
  planId,
  target,
  onClose,
}: {
  planId: string;
  target: Target | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TargetFormValues>();
  const changed = useTargetsChanged(planId);
  const save = useMutation({
    mutationFn: (values: TargetFormValues) => {
      const body = targetBody(values);
      return target
        ? data(
            http.PUT('/plans/{id}/targets/{targetId}', {
              params: { path: { id: planId, targetId: target.id } },
              body,
            }),
          )
        : data(http.POST('/plans/{id}/targets', { params: { path: { id: planId } }, body }));
    },
    onSuccess: async () => {
      await changed();
      onClose();
    },
  });
  const kind = Form.useWatch('kind', form);
  const source = Form.useWatch('source', form);
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Modal
      open
      title={target ? `Sửa chỉ tiêu ${target.code}` : 'Thêm chỉ tiêu'}
      okText="Lưu chỉ tiêu"
      cancelText="Đóng"
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={targetFormValues(target)}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="code" label="Mã chỉ tiêu" rules={required('Cần nhập mã chỉ tiêu')}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label="Tên chỉ tiêu" rules={required('Cần nhập tên chỉ tiêu')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="kind" label="Loại chỉ tiêu">
          <Radio.Group
            options={[
              { value: 'figure', label: 'Định lượng' },
              { value: 'qualitative', label: 'Định tính' },
            ]}
          />
        </Form.Item>
        {kind === 'qualitative' ? (
          <Form.Item
            name="qualitative"
            label="Nội dung định tính"
            rules={required('Cần nhập nội dung chỉ tiêu định tính')}
          >
            <Input.TextArea rows={2} maxLength={500} placeholder="Hạn chế tối đa …" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="unit" label="Đơn vị tính">
              <Radio.Group
                options={[
                  { value: 'percent', label: 'Phần trăm (%)' },
                  { value: 'count', label: 'Số lượng' },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="comparator"
              label="So sánh"
              rules={[{ required: true, message: 'Cần chọn cách so sánh' }]}
            >
              <Radio.Group options={COMPARATOR_OPTIONS} optionType="button" />
            </Form.Item>
            <Form.Item
              name="value"
              label="Giá trị"
              rules={[{ required: true, message: 'Cần nhập giá trị' }]}
            >
              <InputNumber min={0} decimalSeparator="," style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="source" label="Nguồn số liệu">
          <Radio.Group
            options={[
              { value: 'computed', label: 'Hệ thống tính' },
              { value: 'entered', label: 'Nhập theo kỳ' },
            ]}
          />
        </Form.Item>
        {source === 'computed' && (
          <Form.Item
            name="metric"
            label="Chỉ số tính toán"
            rules={[{ required: true, message: 'Cần chọn chỉ số' }]}
          >
            <Select options={METRIC_OPTIONS} />
          </Form.Item>
        )}
      </Form>
      {save.isError && <Alert type="error" showIcon message={apiErrorMessage(save.error)} />}
    </Modal>
  );
}

interface ValueFormValues {
  period: [Dayjs, Dayjs];
  value: number;
  note?: string;
  evidenceIds?: string[];
}

/** "Nhập số liệu": the value of an entered target for a period, with its evidence files. */
export function TargetValueDialog({
  planId,
  target,
  onClose,
}: {
  planId: string;
  target: Target;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ValueFormValues>();
  const changed = useTargetsChanged(planId);
  const save = useMutation({
    mutationFn: ({ period, value, note, evidenceIds }: ValueFormValues) =>
      data(
        http.POST('/plans/{id}/targets/{targetId}/values', {
          params: { path: { id: planId, targetId: target.id } },
          body: {
            from: period[0].format('YYYY-MM-DD'),
            to: period[1].format('YYYY-MM-DD'),
            value,
            note: note?.trim() || undefined,
            evidenceIds,
          },
        }),
      ),
    onSuccess: async () => {
      await changed();
      onClose();
    },
  });
  const percent = target.unit === 'percent';
  return (
    <Modal
      open
      title={`Nhập số liệu ${target.code}`}
      okText="Lưu số liệu"
      cancelText="Đóng"
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <p>{target.name}</p>
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item
          name="period"
          label="Kỳ số liệu (từ ngày – đến ngày)"
          rules={[{ required: true, message: 'Cần chọn kỳ số liệu' }]}
        >
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            placeholder={['Từ ngày', 'Đến ngày']}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="value"
          label={percent ? 'Giá trị (%)' : 'Giá trị'}
          rules={[{ required: true, message: 'Cần nhập giá trị' }]}
        >
          <InputNumber min={0} decimalSeparator="," style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú, nguồn số liệu">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="evidenceIds" label="Minh chứng">
          <EvidenceUpload />
        </Form.Item>
      </Form>
      {save.isError && <Alert type="error" showIcon message={apiErrorMessage(save.error)} />}
    </Modal>
  );
}
