import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { CHECKLIST_RESULT_LABELS, CHECKLIST_RESULTS } from '@cchc/domain';
import { data, http } from '../api/http';
import { checklistResults, ChecklistFormValues, checklistValues } from './campaign-forms';
import type { Campaign, Visit } from './types';
import { apiErrorMessage } from '../common/api-error';

interface Values {
  topics: ChecklistFormValues;
  minutes?: string;
}

/** A visit's checklist: Đạt / Không đạt and a note per topic, and the general remarks. */
export function ChecklistDialog({
  campaign,
  visit,
  onClose,
  onDone,
}: {
  campaign: Campaign;
  visit: Visit;
  onClose(): void;
  onDone(view: Campaign): void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (values: Values) =>
      data(
        http.PUT('/inspections/campaigns/{id}/visits/{unitId}/checklist', {
          params: { path: { id: campaign.id, unitId: visit.unitId } },
          body: {
            version: campaign.version,
            results: checklistResults(campaign.checklist, values.topics ?? {}),
            minutes: values.minutes?.trim() ?? '',
          },
        }),
      ),
    onSuccess: onDone,
  });
  return (
    <Modal
      open
      title={`Kết quả kiểm tra: ${visit.unitName}`}
      okText="Lưu kết quả"
      cancelText="Đóng"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      {save.isError && <Alert type="error" showIcon message={apiErrorMessage(save.error)} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ topics: checklistValues(visit), minutes: visit.minutes ?? '' }}
        onFinish={(values) => save.mutate(values)}
      >
        {campaign.checklist.map((topic) => (
          <fieldset key={topic.code} className="checklist-topic">
            <legend>{topic.title}</legend>
            <Form.Item name={['topics', topic.code, 'result']} noStyle>
              <Radio.Group
                aria-label={`Kết quả: ${topic.title}`}
                options={CHECKLIST_RESULTS.map((value) => ({
                  value,
                  label: CHECKLIST_RESULT_LABELS[value],
                }))}
              />
            </Form.Item>
            <Form.Item name={['topics', topic.code, 'note']} noStyle>
              <Input
                aria-label={`Ghi chú: ${topic.title}`}
                placeholder="Ghi chú"
                maxLength={2000}
              />
            </Form.Item>
          </fieldset>
        ))}
        <Form.Item name="minutes" label="Nhận xét chung (biên bản)">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
