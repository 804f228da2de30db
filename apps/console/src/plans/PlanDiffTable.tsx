import { Table, Tag, Typography } from 'antd';
import type { PlanDiffView } from '../api/types';
import { stateLabel } from '../common/labels';
import { PLAN_FIELD_LABELS } from './plan-import-view';

type DiffRow = {
  key: string;
  kind: 'added' | 'changed' | 'removed';
  ordinal: string;
  area: string | null;
  title: string;
  state: string | null;
  fields: PlanDiffView['changed'][number]['fields'];
};

const KIND_LABELS = { added: 'Thêm', changed: 'Sửa', removed: 'Bỏ' };
const KIND_TONES = { added: 'tone-good', changed: 'tone-info', removed: 'tone-bad' };

/** What re-importing a plan would change: rows added, cells changed (before → after), rows removed. */
export function PlanDiffTable({ diff }: { diff: PlanDiffView }) {
  const rows: DiffRow[] = [
    ...diff.added.map((task) => ({
      ...task,
      key: `added-${task.sourceRow}`,
      kind: 'added' as const,
      state: null,
      fields: [],
    })),
    ...diff.changed.map((task) => ({ ...task, key: task.taskId, kind: 'changed' as const })),
    ...diff.removed.map((task) => ({
      ...task,
      key: task.taskId,
      kind: 'removed' as const,
      fields: [],
    })),
  ];
  return (
    <div className="plan-scroll" tabIndex={0} role="region" aria-label="Thay đổi của kế hoạch">
      <Table<DiffRow>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={false}
        style={{ minWidth: 900 }}
        columns={[
          {
            title: 'Thay đổi',
            dataIndex: 'kind',
            width: 90,
            render: (kind: DiffRow['kind']) => (
              <Tag className={KIND_TONES[kind]}>{KIND_LABELS[kind]}</Tag>
            ),
          },
          { title: 'Mục', dataIndex: 'area', width: 60 },
          { title: 'STT', dataIndex: 'ordinal', width: 60 },
          { title: 'Nhiệm vụ', dataIndex: 'title' },
          {
            title: 'Trạng thái',
            dataIndex: 'state',
            width: 130,
            render: (state: string | null) => (state ? stateLabel(state) : '—'),
          },
          {
            title: 'Trước → sau',
            dataIndex: 'fields',
            width: 360,
            render: (fields: DiffRow['fields']) => (
              <ul className="plan-problems">
                {fields.map((change) => (
                  <li key={change.field}>
                    <strong>{PLAN_FIELD_LABELS[change.field] ?? change.field}:</strong>{' '}
                    <Typography.Text delete>{change.before ?? '—'}</Typography.Text> →{' '}
                    {change.after ?? '—'}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </div>
  );
}
