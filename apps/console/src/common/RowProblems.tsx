import { Table } from 'antd';
import { apiRowProblems, labelOf, type RowProblem } from './field-errors';

/**
 * The problems of a refused file import (a 400 listing `{row, field, message}`: targets, PAR-Index
 * criteria, a plan), by row and field; nothing when there are none. With `labels` each field
 * shows its Vietnamese name (an unknown one as the API names it) and its message without the
 * property name; without them, fields show as the API names them. Shown under the error's message,
 * which says a lone problem without a row by itself.
 */
export function RowProblems({
  error,
  labels,
}: {
  error: Error | null;
  labels?: Readonly<Record<string, string>>;
}) {
  const problems = apiRowProblems(error, labels);
  // A single problem of the whole request is what the error's own message already says.
  if (problems.length === 0 || (problems.length === 1 && problems[0].row === null)) return null;
  const fieldName = (field: string | null) =>
    field === null ? '' : labels ? (labelOf(field, labels) ?? field) : field;
  return (
    <Table<RowProblem & { key: number }>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={problems.map((problem, key) => ({ ...problem, key }))}
      scroll={{ x: 560 }}
      columns={[
        {
          title: 'Dòng',
          dataIndex: 'row',
          width: 70,
          align: 'right',
          // A problem of the whole file (or of the request) has no row.
          render: (row: number | null) => row ?? '—',
        },
        { title: 'Cột', dataIndex: 'field', width: labels ? 160 : 120, render: fieldName },
        { title: 'Lỗi', dataIndex: 'message' },
      ]}
    />
  );
}
