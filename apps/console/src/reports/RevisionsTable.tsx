import { Space, Table, Typography } from 'antd';
import { formatDateTime } from '../common/format';
import type { Revision } from './types';

export type DocumentFormat = 'docx' | 'xlsx' | 'json';

/** The report's frozen revisions with their hashes and DOCX/XLSX/JSON (the ward's or the province's URL). */
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
      scroll={{ x: 760 }}
      columns={[
        { title: 'Lần', dataIndex: 'revision', width: 60 },
        { title: 'Lúc', dataIndex: 'compiledAt', width: 160, render: formatDateTime },
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
