import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FINDING_SEVERITIES, FINDING_SEVERITY_LABELS } from '@cchc/domain';
import { ReasonField } from '../common/ReasonField';
import { data, http } from '../api/http';
import { useWardUsers } from '../common/org';
import { findingUnits } from './campaign-forms';
import type { Campaign } from './types';
import { apiErrorMessage } from '../common/api-error';

/** A step on a campaign that asks for a form (the others are one click on CampaignPage). */
export type CampaignAction =
  | { type: 'FINISH_VISIT'; unitId: string; unitName: string }
  | { type: 'RECORD_FINDING' }
  | { type: 'ASSIGN_TASK' | 'ESCALATE_FINDING' | 'CLOSE_FINDING'; findingId: string }
  | { type: 'CONCLUDE' };

export const ACTION_TITLES: Record<CampaignAction['type'], string> = {
  FINISH_VISIT: 'Hoàn thành kiểm tra',
  RECORD_FINDING: 'Ghi nhận tồn tại',
  ASSIGN_TASK: 'Giao nhiệm vụ khắc phục',
  ESCALATE_FINDING: 'Chuyển Chủ tịch',
  CLOSE_FINDING: 'Đóng tồn tại',
  CONCLUDE: 'Kết luận',
};

type Values = Record<string, string | Dayjs | undefined>;

const text = (values: Values, name: string) => String(values[name] ?? '').trim();
const date = (values: Values, name: string) => (values[name] as Dayjs).format('YYYY-MM-DD');
const required = (message: string) => [{ required: true, whitespace: true, message }];

/** The form of one campaign step; the API's answer (the campaign) replaces the page's copy. */
export function CampaignActionDialog({
  campaign,
  action,
  onClose,
  onDone,
}: {
  campaign: Campaign;
  action: CampaignAction;
  onClose(): void;
  onDone(view: Campaign): void;
}) {
  const [form] = Form.useForm<Values>();
  const users = useWardUsers();
  const title = ACTION_TITLES[action.type];
  const id = campaign.id;
  const version = campaign.version;
  const send = useMutation({
    mutationFn: (values: Values) => {
      switch (action.type) {
        case 'FINISH_VISIT':
          return data(
            http.POST('/inspections/campaigns/{id}/visits/{unitId}/finish', {
              params: { path: { id, unitId: action.unitId } },
              body: { version, doneOn: date(values, 'doneOn') },
            }),
          );
        case 'RECORD_FINDING': {
          const parCode = text(values, 'parCode');
          return data(
            http.POST('/inspections/campaigns/{id}/findings', {
              params: { path: { id } },
              body: {
                version,
                unitId: text(values, 'unitId'),
                topicCode: text(values, 'topicCode'),
                description: text(values, 'description'),
                severity: text(values, 'severity') as (typeof FINDING_SEVERITIES)[number],
                ...(parCode ? { parCode } : {}),
                recommendation: text(values, 'recommendation'),
              },
            }),
          );
        }
        case 'ASSIGN_TASK':
          return data(
            http.POST('/inspections/campaigns/{id}/findings/{findingId}/task', {
              params: { path: { id, findingId: action.findingId } },
              body: {
                version,
                dueDate: date(values, 'dueDate'),
                leaderId: text(values, 'leaderId'),
              },
            }),
          );
        case 'ESCALATE_FINDING':
          return data(
            http.POST('/inspections/campaigns/{id}/findings/{findingId}/escalate', {
              params: { path: { id, findingId: action.findingId } },
              body: { version, reason: text(values, 'reason') },
            }),
          );
        case 'CLOSE_FINDING':
          return data(
            http.POST('/inspections/campaigns/{id}/findings/{findingId}/close', {
              params: { path: { id, findingId: action.findingId } },
              body: { version, reason: text(values, 'reason') },
            }),
          );
        case 'CONCLUDE':
          return data(
            http.POST('/inspections/campaigns/{id}/conclude', {
              params: { path: { id } },
              body: { version, noticeNumber: text(values, 'noticeNumber') },
            }),
          );
      }
    },
    onSuccess: onDone,
  });
  const finding =
    'findingId' in action ? campaign.findings.find((f) => f.id === action.findingId) : undefined;

  return (
    <Modal
      open
      title={'unitName' in action ? `${title}: ${action.unitName}` : title}
      okText={title}
      cancelText="Đóng"
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {send.isError && <Alert type="error" showIcon message={apiErrorMessage(send.error)} />}
      {finding && <p>Tồn tại: {finding.description}</p>}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => send.mutate(values)}>
        {action.type === 'FINISH_VISIT' && (
          <Form.Item
            name="doneOn"
            label="Ngày kiểm tra"
            rules={[{ required: true, message: 'Chọn ngày kiểm tra' }]}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        )}
        {action.type === 'RECORD_FINDING' && (
          <>
            <Form.Item name="unitId" label="Đơn vị" rules={required('Chọn đơn vị')}>
              <Select
                showSearch
                optionFilterProp="label"
                options={findingUnits(campaign).map((visit) => ({
                  value: visit.unitId,
                  label: visit.unitName,
                }))}
              />
            </Form.Item>
            <Form.Item name="topicCode" label="Nội dung kiểm tra" rules={required('Chọn nội dung')}>
              <Select
                showSearch
                optionFilterProp="label"
                options={campaign.checklist.map((topic) => ({
                  value: topic.code,
                  label: topic.title,
                }))}
              />
            </Form.Item>
            <Form.Item name="description" label="Tồn tại, hạn chế" rules={required('Nhập tồn tại')}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
            <Form.Item name="severity" label="Mức độ" rules={required('Chọn mức độ')}>
              <Select
                showSearch
                optionFilterProp="label"
                options={FINDING_SEVERITIES.map((value) => ({
                  value,
                  label: FINDING_SEVERITY_LABELS[value],
                }))}
              />
            </Form.Item>
            <Form.Item name="parCode" label="Tiêu chí PAR Index (nếu có)">
              <Input maxLength={32} placeholder="3.2.1" />
            </Form.Item>
            <Form.Item
              name="recommendation"
              label="Kiến nghị khắc phục"
              rules={required('Nhập kiến nghị')}
            >
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          </>
        )}
        {action.type === 'ASSIGN_TASK' && (
          <>
            <p>Đơn vị chủ trì: {finding?.unitName}</p>
            <Form.Item
              name="dueDate"
              label="Hạn khắc phục"
              rules={[{ required: true, message: 'Chọn hạn khắc phục' }]}
            >
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item
              name="leaderId"
              label="Lãnh đạo phụ trách"
              rules={required('Chọn lãnh đạo phụ trách')}
            >
              <Select
                showSearch
                optionFilterProp="label"
                options={(users.data ?? [])
                  .filter((user) => user.role === 'leader' || user.role === 'chairman')
                  .map((user) => ({ value: user.id, label: user.fullName }))}
              />
            </Form.Item>
          </>
        )}
        {(action.type === 'ESCALATE_FINDING' || action.type === 'CLOSE_FINDING') && <ReasonField />}
        {action.type === 'CONCLUDE' && (
          <Form.Item
            name="noticeNumber"
            label="Số thông báo kết luận"
            rules={required('Nhập số thông báo kết luận')}
          >
            <Input maxLength={64} placeholder="12/TB-UBND" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
