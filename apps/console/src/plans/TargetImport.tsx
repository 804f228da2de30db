import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import { data, fileForm, http } from '../api/http';
import { RowProblems } from '../common/RowProblems';
import { apiErrorMessage } from '../common/api-error';

/**
 * "Nhập chỉ tiêu từ tệp" (CSV or XLSX): all rows or none; a refusal lists each problem by its
 * row and field as the API names them, and nothing has been written.
 */
export function TargetImport({ planId }: { planId: string }) {
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) =>
      data(
        http.POST('/plans/{id}/targets/import', {
          params: { path: { id: planId } },
          body: { file },
          bodySerializer: fileForm,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['targets', planId] }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <Button loading={upload.isPending}>Nhập chỉ tiêu từ tệp (XLSX, CSV)</Button>
        </Upload>
        <Typography.Text className="muted">
          Cột: Mã, Tên chỉ tiêu, Đơn vị tính, So sánh, Giá trị, Định tính, Nguồn, Chỉ số
        </Typography.Text>
      </Space>
      {upload.data && (
        <Alert
          type="success"
          showIcon
          message={`Đã nhập: ${upload.data.created} chỉ tiêu mới, ${upload.data.updated} chỉ tiêu cập nhật`}
        />
      )}
      {upload.error && <Alert type="error" showIcon message={apiErrorMessage(upload.error)} />}
      <RowProblems error={upload.error} />
    </Space>
  );
}
