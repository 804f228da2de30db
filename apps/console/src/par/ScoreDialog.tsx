import { TARGET_METRIC_LABELS, TARGET_METRICS } from '@cchc/domain';
import { Alert, Form, FormInstance, Input, Modal, Select } from 'antd';
import { DECIMAL_RULE, DecimalInput } from '../common/DecimalInput';
import { EvidenceUpload } from '../common/EvidenceUpload';
import { ReasonField } from '../common/ReasonField';
import { formatPoints } from './par-tree';
import type { Criterion, ScoreValues } from './types';

export type Dialog = { criterion: Criterion; kind: 'score' | 'survey' | 'return' };

const FIGURE_OPTIONS = TARGET_METRICS.map((value) => ({
  value,
  label: TARGET_METRIC_LABELS[value],
}));

const TITLES = { score: 'Chấm điểm', survey: 'Nhập kết quả điều tra', return: 'Trả lại' };
const OK_TEXTS = { score: 'Lưu điểm', survey: 'Lưu kết quả', return: 'Trả lại' };

/**
 * "Chấm điểm" (the score with its explanation and what supports it: evidence files, the linked
 * tasks, the product's figures), the coordinator's "Nhập kết quả điều tra" of a survey criterion
 * (the rate in percent and its source: the publishing document, an evidence file) or "Trả lại"
 * with its reason. A score or rate that is no number is refused beside it, before anything is
 * sent; the API checks the numbers (a score from 0 to the criterion's maximum, a rate from 0 to
 * 100%); its refusals show beside the fields they name (the page sets them on `form`),
 * any other as `error` in the dialog.
 */
export function ScoreDialog({
  dialog,
  form,
  pending,
  error,
  onCancel,
  onFinish,
}: {
  dialog: Dialog | null;
  form: FormInstance<ScoreValues>;
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onFinish: (values: ScoreValues) => void;
}) {
  const scoring = dialog?.kind === 'score';
  const criterion = dialog?.criterion;
  const score = criterion?.score;
  return (
    <Modal
      open={dialog !== null}
      title={criterion && dialog && `${TITLES[dialog.kind]} tiêu chí ${criterion.code}`}
      okText={dialog && OK_TEXTS[dialog.kind]}
      cancelText="Đóng"
      confirmLoading={pending}
      destroyOnHidden
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          score: score?.score,
          rate: score?.surveyRate ?? undefined,
          source: score?.surveySource ?? '',
          note: score?.note ?? '',
          evidenceIds: score?.evidenceIds ?? [],
          taskIds: score?.taskIds ?? [],
          figures: score?.figures ?? [],
        }}
        onFinish={onFinish}
      >
        {dialog?.kind === 'survey' ? (
          <>
            <Form.Item
              name="rate"
              label={`Tỷ lệ (%) theo kết quả điều tra; điểm = ${formatPoints(criterion?.maxPoints)} × tỷ lệ`}
              rules={[{ required: true, message: 'Cần nhập tỷ lệ' }, DECIMAL_RULE]}
            >
              {/* No bounds here: a typed 150 stays, and the API's refusal shows beside it. */}
              <DecimalInput />
            </Form.Item>
            <Form.Item
              name="source"
              label="Văn bản công bố kết quả"
              extra="Cần nêu văn bản công bố hoặc tải lên tệp kết quả điều tra"
            >
              <Input />
            </Form.Item>
            <Form.Item name="evidenceIds" label="Tệp kết quả điều tra (một tệp)">
              <EvidenceUpload max={1} />
            </Form.Item>
          </>
        ) : scoring ? (
          <>
            <Form.Item
              name="score"
              label={`Điểm (tối đa ${formatPoints(criterion?.maxPoints)})`}
              rules={[{ required: true, message: 'Cần nhập điểm' }, DECIMAL_RULE]}
            >
              {/* No bounds here: a typed 12 stays, and the API's refusal shows beside it. */}
              <DecimalInput />
            </Form.Item>
            <Form.Item name="note" label="Giải trình">
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="evidenceIds" label="Tệp minh chứng">
              <EvidenceUpload />
            </Form.Item>
            {(criterion?.tasks.length ?? 0) > 0 && (
              <Form.Item name="taskIds" label="Nhiệm vụ làm căn cứ">
                <Select
                  mode="multiple"
                  options={criterion?.tasks.map((task) => ({
                    value: task.id,
                    label: `${task.ordinal}. ${task.title}`,
                  }))}
                />
              </Form.Item>
            )}
            <Form.Item name="figures" label="Số liệu của hệ thống làm căn cứ">
              <Select mode="multiple" options={FIGURE_OPTIONS} />
            </Form.Item>
          </>
        ) : (
          <ReasonField />
        )}
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
