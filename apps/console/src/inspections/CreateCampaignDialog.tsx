import { useMutation } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { INSPECTION_KIND_LABELS, INSPECTION_KINDS } from '@cchc/domain';
import { data, http } from '../api/http';
import { useUnits, useWardUsers } from '../common/org';
import { PATHS } from '../paths';
import { campaignBody, CampaignFormValues, repeatedUnit } from './campaign-forms';
import { apiErrorMessage } from '../common/api-error';

const KIND_OPTIONS = INSPECTION_KINDS.map((value) => ({
  value,
  label: INSPECTION_KIND_LABELS[value],
}));

type FormValues = Omit<CampaignFormValues, 'decisionDate' | 'visits'> & {
  decisionDate: Dayjs;
  visits: { unitId?: string; scheduledOn?: Dayjs }[];
};

const isoDate = (value: Dayjs | undefined) => value?.format('YYYY-MM-DD') ?? '';

/** "Lập đợt kiểm tra": the decision, the team (inspectors, a head) and the units with their dates. */
export function CreateCampaignDialog({ onClose }: { onClose(): void }) {
  const navigate = useNavigate();
  const units = useUnits();
  const users = useWardUsers();
  const [form] = Form.useForm<FormValues>();
  const inspectors = (users.data ?? [])
    .filter((user) => user.role === 'inspector')
    .map((user) => ({ value: user.id, label: user.fullName }));
  const create = useMutation({
    mutationFn: (values: FormValues) =>
      data(
        http.POST('/inspections/campaigns', {
          body: campaignBody({
            ...values,
            decisionDate: isoDate(values.decisionDate),
            visits: values.visits.map((visit) => ({
              unitId: visit.unitId,
              scheduledOn: isoDate(visit.scheduledOn),
            })),
          }),
        }),
      ),
    onSuccess: (campaign) => navigate(PATHS.inspection(campaign.id)),
  });

  return (
    <Modal
      open
      title="Lập đợt kiểm tra"
      okText="Lập đợt kiểm tra"
      cancelText="Đóng"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      {create.isError && <Alert type="error" showIcon message={apiErrorMessage(create.error)} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'dinh_ky', year: new Date().getFullYear(), visits: [{}] }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item
          name="title"
          label="Tên đợt kiểm tra"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên đợt kiểm tra' }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item
            name="decisionNumber"
            label="Số quyết định"
            rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định' }]}
          >
            <Input maxLength={64} placeholder="45/QĐ-UBND" />
          </Form.Item>
          <Form.Item
            name="decisionDate"
            label="Ngày quyết định"
            rules={[{ required: true, message: 'Chọn ngày quyết định' }]}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="kind" label="Hình thức" rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={KIND_OPTIONS}
              style={{ width: 170 }}
            />
          </Form.Item>
          <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Space>
        <Form.Item
          name="headId"
          label="Trưởng đoàn"
          rules={[{ required: true, message: 'Chọn trưởng đoàn' }]}
        >
          <Select showSearch optionFilterProp="label" options={inspectors} />
        </Form.Item>
        <Form.Item name="inspectorIds" label="Thành viên đoàn">
          <Select mode="multiple" optionFilterProp="label" options={inspectors} />
        </Form.Item>
        <Form.List
          name="visits"
          rules={[
            {
              validator: async (_, visits: FormValues['visits']) => {
                if (!visits?.length) throw new Error('Chọn ít nhất một đơn vị được kiểm tra');
                if (repeatedUnit(visits)) throw new Error('Mỗi đơn vị chỉ chọn một lần');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item
                    name={[field.name, 'unitId']}
                    label={`Đơn vị ${index + 1}`}
                    rules={[{ required: true, message: 'Chọn đơn vị' }]}
                  >
                    <Select
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 280 }}
                      options={units.data?.list.map((unit) => ({
                        value: unit.id,
                        label: unit.name,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'scheduledOn']}
                    label={`Ngày dự kiến ${index + 1}`}
                    rules={[{ required: true, message: 'Chọn ngày dự kiến' }]}
                  >
                    <DatePicker format="DD/MM/YYYY" />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button onClick={() => remove(field.name)}>Bỏ đơn vị {index + 1}</Button>
                  )}
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button onClick={() => add({})}>Thêm đơn vị</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
