import { DatePicker, Form, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiError, data, http } from '../api/http';
import type { BulkTaskResult, Task } from '../api/types';
import { apiErrorMessage, readableMessage } from '../common/api-error';
import { useUnits } from '../common/org';
import { ReasonField } from '../common/ReasonField';
import { BULK_ACTION_LABELS, bulkBody, BulkActionType, BulkValues } from './bulk-actions';

interface Props {
  type: BulkActionType;
  tasks: Task[];
  onClose(): void;
  /** After the action ran: the list reloads. */
  onDone(): void;
}

/** One bulk action on the selected tasks, then its result task by task. */
export function BulkActionDialog({ type, tasks, onClose, onDone }: Props) {
  const units = useUnits();
  const [form] = Form.useForm<BulkValues>();
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [results, setResults] = useState<BulkTaskResult[] | null>(null);
  const title = BULK_ACTION_LABELS[type];

  async function send() {
    // An incomplete form shows its messages beside the fields; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSending(true);
    setFailure(null);
    try {
      const answer = await data(
        http.POST('/tasks/bulk', {
          body: bulkBody(
            type,
            tasks.map((task) => task.id),
            values,
          ),
        }),
      );
      setResults(answer.results);
      onDone();
    } catch (error) {
      const failed = 'Không gửi được; vui lòng thử lại';
      setFailure(
        error instanceof ApiError && error.status < 500 ? apiErrorMessage(error, failed) : failed,
      );
    } finally {
      setSending(false);
    }
  }

  const titleOf = new Map(tasks.map((task) => [task.id, task.title]));
  return (
    <Modal
      open
      title={`${title} (${tasks.length} nhiệm vụ)`}
      okText={results ? 'Đóng' : title}
      cancelText="Đóng"
      cancelButtonProps={{ style: results ? { display: 'none' } : undefined }}
      confirmLoading={sending}
      onOk={results ? onClose : send}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {results ? (
        <Table<BulkTaskResult>
          size="small"
          rowKey="taskId"
          pagination={false}
          aria-label="Kết quả từng nhiệm vụ"
          dataSource={results}
          columns={[
            { title: 'Nhiệm vụ', dataIndex: 'taskId', render: (id: string) => titleOf.get(id) },
            {
              title: 'Kết quả',
              key: 'result',
              render: (_: unknown, result) =>
                result.ok ? (
                  <Tag className="bulk-done">Đã thực hiện</Tag>
                ) : (
                  <span>
                    <Tag className="bulk-refused">Bị từ chối</Tag>{' '}
                    {result.message && readableMessage(result.message)}
                  </span>
                ),
            },
          ]}
        />
      ) : (
        <Form form={form} layout="vertical">
          <p>
            {title} cho {tasks.length} nhiệm vụ đã chọn; mỗi nhiệm vụ được xử lý riêng và có kết quả
            riêng.
          </p>
          {type === 'REASSIGN' && (
            <Form.Item
              name="leadUnitId"
              label="Cơ quan chủ trì mới"
              rules={[{ required: true, message: 'Chọn cơ quan chủ trì mới' }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                options={units.data?.list.map((unit) => ({ value: unit.id, label: unit.name }))}
              />
            </Form.Item>
          )}
          {type === 'AMEND' && (
            <>
              <Form.Item
                name="dueDate"
                label="Thời hạn mới"
                rules={[{ required: true, message: 'Chọn thời hạn mới' }]}
              >
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
              <ReasonField />
            </>
          )}
          {failure && (
            <p role="alert" className="form-error">
              {failure}
            </p>
          )}
        </Form>
      )}
    </Modal>
  );
}
