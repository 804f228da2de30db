import { Alert, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { data, fileForm, http } from '../api/http';
import type { components } from '../api/schema';
import { fileErrorMessage } from './api-error';

type EvidenceFile = components['schemas']['EvidenceViewDto'];

const ACCEPTED = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';

/**
 * Evidence files of the ward (POST /evidence) as a form control: each chosen file is stored at
 * once and its id joins `value`; the API checks each file by its content and refuses the others.
 * With `max`, no more can be chosen once that many are (a survey's result takes one file).
 */
export function EvidenceUpload({
  value = [],
  onChange,
  id,
  max,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
  max?: number;
}) {
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const upload = async (file: File) => {
    setPending(true);
    setError(null);
    try {
      const stored = await data(
        http.POST('/evidence', { body: { file }, bodySerializer: fileForm }),
      );
      setFiles((current) => [...current, stored]);
      onChange?.([...value, stored.id]);
    } catch (failure) {
      setError(fileErrorMessage(file.name, failure));
    } finally {
      setPending(false);
    }
  };
  const remove = (fileId: string) => onChange?.(value.filter((kept) => kept !== fileId));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {(max === undefined || value.length < max) && (
        <Upload
          accept={ACCEPTED}
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button id={id} loading={pending}>
            Tải tệp minh chứng lên
          </Button>
        </Upload>
      )}
      {error && <Alert type="error" showIcon message={error} />}
      {value.map((fileId) => {
        const file = files.find((candidate) => candidate.id === fileId);
        const name = file?.name ?? fileId;
        return (
          <Space key={fileId} size="small">
            <Typography.Link href={`/evidence/${fileId}`} target="_blank">
              {name}
            </Typography.Link>
            <Button
              size="small"
              type="link"
              onClick={() => remove(fileId)}
              aria-label={`Bỏ ${name}`}
            >
              Bỏ
            </Button>
          </Space>
        );
      })}
    </Space>
  );
}
