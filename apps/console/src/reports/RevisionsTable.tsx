import { Space, Table, Typography } from 'antd';
import { formatDateTime, formatIsoDate } from '../common/format';
import { signatureText } from './revision-signature';
import type { Revision } from './types';

export type DocumentFormat = 'docx' | 'xlsx' | 'json';

/**
 * The report's frozen revisions with their hashes, the number and days each was signed and sent
 * (a corrected one keeps its own), and DOCX/XLSX/JSON (the ward's or the province's URL).
 */
export function RevisionsTable({
  revisions,
  documentUrl,
}: {
  revisions: Revision[];
  documentUrl: (revision: number, format: DocumentFormat) => string;
}) {
  if (revisions.length === 0) return <Typography.Text>Chưa tổng hợp số liệu</Typography.Text>;
  return (
    <Table<Revision>
      rowKey="revision"
      dataSource={revisions}
      pagination={false}
      scroll={{ x: 1080 }}
      columns={[
        { title: 'Lần', dataIndex: 'revision', width: 60 },
        { title: 'Lúc', dataIndex: 'compiledAt', width: 160, render: formatDateTime },
        {
          title: 'Số văn bản',
          key: 'signature',
          width: 180,
          render: (_: unknown, row) => signatureText(row),
        },
        {
          title: 'Gửi cấp trên',
          key: 'sent',
          width: 140,
          render: (_: unknown, row) => (row.sentOn ? formatIsoDate(row.sentOn) : 'Chưa gửi'),
        },
        {
          title: 'Đính chính',
          key: 'correction',
          width: 180,
          render: (_: unknown, row) =>
            row.correctsRevision === null ? '' : `Thay thế lần ${row.correctsRevision}`,
        },
        {
          title: 'Mã kiểm tra (sha-256)',
          dataIndex: 'contentHash',
          render: (hash: string) => <code className="hash">{hash}</code>,
        },
        {
          title: 'Tải về',
          key: 'files',
          width: 220,
          render: (_: unknown, row) => (
            <Space>
              {(['docx', 'xlsx', 'json'] as const).map((format) => (
                <a
                  key={format}
                  href={documentUrl(row.revision, format)}
                  download
                  aria-label={`Tải ${format.toUpperCase()} lần ${row.revision}`}
                >
                  {format.toUpperCase()}
                </a>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
