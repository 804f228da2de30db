import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { data, fileForm, http } from '../api/http';
import { fileErrorMessage } from '../common/api-error';

const ACCEPTED = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

/**
 * A contribution's attachments as a form control. The API takes only evidence files of tasks
 * the unit leads (not the ward's files of EvidenceUpload), so the unit picks one of its tasks,
 * then ticks files already in that task's reports or uploads new ones to it (which the API
 * allows while the task is in progress or overdue). `value` holds the ticked ids of every task.
 */
export function ContributionEvidence({
  unitId,
  planId,
  value = [],
  onChange,
  id,
}: {
  unitId: string;
  planId: string | null;
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
}) {
  const queryClient = useQueryClient();
  const [taskId, setTaskId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const tasks = useQuery({
    queryKey: ['unit-tasks', unitId, planId],
    queryFn: () =>
      data(
        http.GET('/tasks', {
          params: { query: { leadUnitId: unitId, planId: planId ?? undefined, pageSize: 200 } },
        }),
      ),
  });
  const files = useQuery({
    queryKey: ['task-evidence', taskId],
    enabled: taskId !== null,
    queryFn: () =>
      data(http.GET('/tasks/{id}/evidence', { params: { path: { id: taskId ?? '' } } })),
  });
  const upload = async (task: string, file: File) => {
    setPending(true);
    setError(null);
    try {
      const stored = await data(
        http.POST('/tasks/{id}/evidence', {
          params: { path: { id: task } },
          body: { file },
          bodySerializer: fileForm,
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['task-evidence', task] });
      onChange?.([...value, stored.id]);
    } catch (failure) {
      setError(fileErrorMessage(file.name, failure));
    } finally {
      setPending(false);
    }
  };
  const shown = new Set((files.data ?? []).map((file) => file.id));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        id={id}
        showSearch
        optionFilterProp="label"
        placeholder="Chọn nhiệm vụ của đơn vị"
        loading={tasks.isFetching}
        value={taskId}
        onChange={setTaskId}
        options={tasks.data?.items.map((task) => ({ value: task.id, label: task.title }))}
        style={{ width: '100%' }}
      />
      {taskId && (
        <>
          {files.data?.length === 0 && (
            <Typography.Text className="muted">Nhiệm vụ chưa có tệp minh chứng</Typography.Text>
          )}
          <Checkbox.Group
            value={value.filter((fileId) => shown.has(fileId))}
            onChange={(ticked) =>
              onChange?.([...value.filter((fileId) => !shown.has(fileId)), ...ticked])
            }
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={(files.data ?? []).map((file) => ({ value: file.id, label: file.name }))}
          />
          <Upload
            accept={ACCEPTED}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(taskId, file);
              return false;
            }}
          >
            <Button loading={pending}>Tải tệp minh chứng lên nhiệm vụ này</Button>
          </Upload>
        </>
      )}
      {error && <Alert type="error" showIcon message={error} />}
      <Typography.Text className="muted">Đã chọn {value.length} tệp minh chứng</Typography.Text>
    </Space>
  );
}
