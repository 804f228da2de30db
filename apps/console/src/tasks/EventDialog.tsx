import { App, Button, DatePicker, Form, Input, Modal, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, data, fileForm, http } from '../api/http';
import type { Task } from '../api/types';
import { apiErrorMessage, fileErrorMessage } from '../common/api-error';
import { formatDateTime } from '../common/format';
import { TASK_EVENT_BUTTONS } from '../common/labels';
import { useUnits } from '../common/org';
import { EVENT_FIELDS, eventBody, EventValues } from './event-forms';

export interface EventChoice {
  type: string;
  decision?: 'approve' | 'reject';
}

interface Props {
  task: Task;
  choice: EventChoice;
  onClose(): void;
  /** After the event was applied (message null) or refused because the task moved on (message). */
  onDone(message: string | null): Promise<void>;
}

/** The form of one task event: its required fields, validated before it is sent. */
export function EventDialog({ task, choice, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const units = useUnits();
  const [form] = Form.useForm<Record<string, string | Dayjs | undefined>>();
  const [sending, setSending] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const fields = EVENT_FIELDS[choice.type] ?? [];
  const title =
    choice.type === 'DECIDE_EXTENSION'
      ? choice.decision === 'approve'
        ? 'Duyệt gia hạn'
        : 'Từ chối gia hạn'
      : TASK_EVENT_BUTTONS[choice.type];

  async function send() {
    // An incomplete form shows its messages beside the fields; nothing is sent.
    const raw = await form.validateFields().catch(() => null);
    if (!raw) return;
    const values = Object.fromEntries(
      Object.entries(raw).map(([key, value]) => [
        key,
        value && typeof value === 'object' ? value.format('YYYY-MM-DD') : value,
      ]),
    ) as EventValues;
    setSending(true);
    try {
      const evidenceIds = await uploadEvidence(task.id, files);
      await data(
        http.POST('/tasks/{id}/events', {
          params: { path: { id: task.id } },
          body: {
            ...eventBody(choice.type, task.version, values, choice.decision),
            ...(evidenceIds.length > 0 ? { evidenceIds } : {}),
          },
        }),
      );
      message.success(`Đã ${title.toLowerCase()}`);
      await onDone(null);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        await onDone(await whoActedFirst(task.id, error));
      } else {
        const failed = 'Không gửi được; vui lòng thử lại';
        message.error(
          error instanceof ApiError && error.status < 500 ? apiErrorMessage(error, failed) : failed,
        );
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={title}
      cancelText="Đóng"
      confirmLoading={sending}
      onOk={send}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {fields.length === 0 && <p>Xác nhận: {title.toLowerCase()} nhiệm vụ này?</p>}
        {fields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={field.label}
            rules={[
              {
                required: field.required,
                whitespace: true,
                // A date or a unit is picked, not typed.
                message: `${field.kind === 'unit' || field.kind === 'date' ? 'Chọn' : 'Nhập'} ${field.label.toLowerCase()}`,
              },
            ]}
          >
            {field.kind === 'textarea' ? (
              <Input.TextArea rows={4} maxLength={5000} showCount />
            ) : field.kind === 'date' ? (
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            ) : field.kind === 'unit' ? (
              <Select
                showSearch
                optionFilterProp="label"
                options={units.data?.list.map((unit) => ({ value: unit.id, label: unit.name }))}
              />
            ) : (
              <Input maxLength={1000} />
            )}
          </Form.Item>
        ))}
        {choice.type === 'SUBMIT_REPORT' && (
          <Form.Item label="Sản phẩm đính kèm (PDF, DOCX, XLSX, ảnh; tối đa 20 MB mỗi tệp)">
            <Upload
              multiple
              fileList={files}
              beforeUpload={(file) => {
                setFiles((current) => [...current, file]);
                return false;
              }}
              onRemove={(file) => setFiles((current) => current.filter((f) => f.uid !== file.uid))}
              accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
            >
              <Button>Chọn tệp</Button>
            </Upload>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Uploads the chosen files as the task's evidence; their ids go with the report. */
async function uploadEvidence(taskId: string, files: UploadFile[]): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) {
    const uploaded = await data(
      http.POST('/tasks/{id}/evidence', {
        params: { path: { id: taskId } },
        body: { file: file as unknown as File },
        bodySerializer: fileForm,
      }),
    ).catch((error: unknown) => {
      // The user needs the file named, not the form field ("file: …").
      if (!(error instanceof ApiError)) throw error;
      throw new ApiError(error.status, {
        ...error.body,
        message: fileErrorMessage(file.name, error),
      });
    });
    ids.push(uploaded.id);
  }
  return ids;
}

/** After a 409: who moved the task on, and to what, from its history. */
async function whoActedFirst(taskId: string, error: ApiError): Promise<string> {
  const history = await data(
    http.GET('/tasks/{id}/history', { params: { path: { id: taskId } } }),
  ).catch(() => []);
  const last = history[history.length - 1];
  if (!last) return error.message;
  const who = last.actorName ?? last.actorRole;
  return (
    `Nhiệm vụ vừa được ${who} cập nhật lúc ${formatDateTime(last.at)} ` +
    `(${TASK_EVENT_BUTTONS[last.event] ?? last.event}); trang đã tải lại trạng thái mới.`
  );
}
