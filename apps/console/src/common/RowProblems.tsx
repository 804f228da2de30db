import { Table } from 'antd';
import { ApiError } from '../api/http';

interface RowProblem {
  row: number;
  field: string;
  message: string;
}

/**
 * The problems of a refused file import (a 400 with `problems: [{row, field, message}]`: targets,
 * PAR-Index criteria), by row and field as the API names them; nothing when there are none.
 */
export function RowProblems({ error }: { error: Error | null }) {
  if (!(error instanceof ApiError) || !Array.isArray(error.body.problems)) return null;
  const problems = error.body.problems as RowProblem[];
  return (
    <Table<RowProblem>
      rowKey={(problem) => `${problem.row}-${problem.field}-${problem.message}`}
      size="small"
      pagination={false}
      dataSource={problems}
      scroll={{ x: 560 }}
      columns={[
        { title: 'Dòng', dataIndex: 'row', width: 70, align: 'right' },
        { title: 'Cột', dataIndex: 'field', width: 120 },
        { title: 'Lỗi', dataIndex: 'message' },
      ]}
    />
  );
}
