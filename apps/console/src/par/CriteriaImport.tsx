import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { data, fileForm, http } from '../api/http';
import { RowProblems } from '../common/RowProblems';
import { apiErrorMessage } from '../common/api-error';

/**
 * "Nạp bộ tiêu chí" (coordinator): the year's criteria tree from XLSX/CSV (with the issuer typed
 * here) or JSON (which names its own issuer and year); all or nothing, problems by row and field.
 * A year already scored keeps its tree: the API refuses, and the card says so.
 */
export function CriteriaImport({
  year,
  issuer,
  scored,
}: {
  year: number;
  issuer: string | undefined;
  scored: boolean;
}) {
  const queryClient = useQueryClient();
  const [typedIssuer, setTypedIssuer] = useState(issuer ?? '');
  const load = useMutation({
    mutationFn: (file: File) =>
      data(
        http.POST('/par/criteria/import', {
          params: { query: { issuer: typedIssuer.trim() || undefined, year: String(year) } },
          body: { file },
          bodySerializer: fileForm,
        }),
      ),
    onSuccess: (loaded) => {
      void queryClient.invalidateQueries({ queryKey: ['par', loaded.year] });
      void queryClient.invalidateQueries({ queryKey: ['par-lost', loaded.year] });
    },
  });
  return (
    <Card title={`Bộ tiêu chí Chỉ số CCHC năm ${year}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {scored ? (
          <Typography.Text>
            Năm đã có điểm tự đánh giá: không thay bộ tiêu chí được.
          </Typography.Text>
        ) : (
          <Space wrap>
            <label htmlFor="par-issuer">Cơ quan ban hành</label>
            <Input
              id="par-issuer"
              style={{ width: 280 }}
              placeholder="UBND thành phố …"
              value={typedIssuer}
              onChange={(event) => setTypedIssuer(event.target.value)}
            />
            <Upload
              accept=".xlsx,.csv,.json"
              showUploadList={false}
              beforeUpload={(file) => {
                load.mutate(file);
                return false;
              }}
            >
              <Button loading={load.isPending}>Nạp bộ tiêu chí (XLSX, CSV, JSON)</Button>
            </Upload>
          </Space>
        )}
        <Typography.Text className="muted">
          Cột: Mã, Tên tiêu chí, Điểm tối đa, Phương pháp (tự chấm, điều tra, tính toán), Chỉ số
        </Typography.Text>
        {load.data && (
          <Alert
            type="success"
            showIcon
            message={`Đã nạp ${load.data.criteria} tiêu chí năm ${load.data.year} (${load.data.linkedToTasks} tiêu chí gắn với nhiệm vụ)`}
          />
        )}
        {load.error && <Alert type="error" showIcon message={apiErrorMessage(load.error)} />}
        <RowProblems error={load.error} />
      </Space>
    </Card>
  );
}
