import { Table, Tag } from 'antd';
import type { PlanTaskPreview } from '../api/types';
import { formatIsoDate } from '../common/format';
import { describeProblem, RowProblem, rowLevel } from './plan-import-view';

/** Every row the import read, with its warnings and errors beside it (row number, column). */
export function PlanPreviewTable({
  tasks,
  problems,
}: {
  tasks: PlanTaskPreview[];
  problems: Map<number, RowProblem[]>;
}) {
  return (
    <div className="plan-scroll" tabIndex={0} role="region" aria-label="Các dòng của kế hoạch">
      <Table<PlanTaskPreview>
        rowKey="sourceRow"
        size="small"
        dataSource={tasks}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        style={{ minWidth: 1000 }}
        rowClassName={(task) => {
          const level = rowLevel(problems.get(task.sourceRow));
          return level ? `plan-row-${level}` : '';
        }}
        columns={[
          { title: 'Dòng', dataIndex: 'sourceRow', width: 70 },
          { title: 'STT', dataIndex: 'ordinal', width: 70 },
          { title: 'Mục', dataIndex: 'area', width: 60 },
          {
            title: 'Nội dung',
            dataIndex: 'content',
            render: (content: string, task) =>
              task.isGroup ? <strong>{content}</strong> : content,
          },
          {
            title: 'Đơn vị chủ trì',
            dataIndex: 'leadUnit',
            width: 200,
            render: (unit: PlanTaskPreview['leadUnit']) => unit?.raw ?? '—',
          },
          {
            title: 'Thời hạn',
            dataIndex: 'deadline',
            width: 160,
            render: (deadline: PlanTaskPreview['deadline']) =>
              deadline?.due ? formatIsoDate(deadline.due) : (deadline?.raw ?? '—'),
          },
          {
            title: 'Cảnh báo, lỗi',
            key: 'problems',
            width: 300,
            render: (_: unknown, task) => (
              <ProblemList problems={problems.get(task.sourceRow) ?? []} />
            ),
          },
        ]}
      />
    </div>
  );
}

/** Warnings and errors, each tagged with its level and named by row and column. */
export function ProblemList({ problems }: { problems: RowProblem[] }) {
  return (
    <ul className="plan-problems">
      {problems.map((problem, index) => (
        <li key={index}>
          <Tag className={problem.level === 'error' ? 'tone-bad' : 'tone-warning'}>
            {problem.level === 'error' ? 'Lỗi' : 'Cảnh báo'}
          </Tag>
          {describeProblem(problem)}
        </li>
      ))}
    </ul>
  );
}
