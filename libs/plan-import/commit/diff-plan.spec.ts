import { diffPlan, StoredTask } from './diff-plan';
import { PlannedTask, taskKey } from './planned-tasks';

const planned = (area: string, ordinal: string, overrides: Partial<PlannedTask> = {}) =>
  ({
    key: taskKey(area, ordinal),
    parentKey: null,
    sourceRow: 1,
    area,
    ordinal,
    isGroup: false,
    title: `Việc ${ordinal}`,
    content: `Việc ${ordinal}`,
    requirement: null,
    product: 'Báo cáo',
    leadUnitRaw: 'Phòng VHXH',
    leadUnitId: 'unit-VHXH',
    coordinatingRaw: null,
    coordinatingUnitIds: [],
    leaderRaw: null,
    leaderId: null,
    leaderRule: 'none',
    deadlineRaw: 'Quý I/2026',
    deadline: null,
    dueDate: '2026-03-31',
    ...overrides,
  }) satisfies PlannedTask;

const stored = (area: string, ordinal: string, overrides: Partial<StoredTask> = {}) =>
  ({
    id: `task-${area}-${ordinal}`,
    key: taskKey(area, ordinal),
    state: 'assigned',
    area,
    ordinal,
    title: `Việc ${ordinal}`,
    content: `Việc ${ordinal}`,
    requirement: null,
    product: 'Báo cáo',
    leadUnitRaw: 'Phòng VHXH',
    coordinatingRaw: null,
    leaderRaw: null,
    deadlineRaw: 'Quý I/2026',
    ...overrides,
  }) satisfies StoredTask;

describe('diffPlan', () => {
  it('finds nothing when the same rows come again, whatever the spacing', () => {
    const diff = diffPlan(
      [stored('I', '1'), stored('I', '2')],
      [planned('I', '1', { content: ' Việc  1\n' }), planned('I', '2')],
    );
    expect(diff).toEqual({ added: [], changed: [], removed: [], unchanged: 2 });
  });

  it('matches tasks by section and ordinal and lists changed cells with before and after', () => {
    const diff = diffPlan(
      [stored('I', '1'), stored('II', '1', { requirement: '100%' })],
      [
        planned('I', '1', { deadlineRaw: 'Quý II/2026', dueDate: '2026-06-30' }),
        planned('II', '1', { requirement: null, leadUnitRaw: 'Công an', product: 'Kế hoạch' }),
      ],
    );
    expect(diff.changed.map(({ task, fields }) => [task.id, fields])).toEqual([
      ['task-I-1', [{ field: 'deadline', before: 'Quý I/2026', after: 'Quý II/2026' }]],
      [
        'task-II-1',
        [
          { field: 'requirement', before: '100%', after: null },
          { field: 'product', before: 'Báo cáo', after: 'Kế hoạch' },
          { field: 'leadUnit', before: 'Phòng VHXH', after: 'Công an' },
        ],
      ],
    ]);
    expect(diff.changed[0].incoming.dueDate).toBe('2026-06-30');
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it('lists rows that are new and tasks whose rows are gone', () => {
    const diff = diffPlan(
      [stored('I', '1'), stored('I', '2')],
      [planned('I', '1'), planned('I', '3')],
    );
    expect(diff.added.map((task) => task.key)).toEqual(['I/3']);
    expect(diff.removed.map((task) => task.id)).toEqual(['task-I-2']);
    expect(diff.unchanged).toBe(1);
  });

  it('treats a moved row (other section) as removed there and added here', () => {
    const diff = diffPlan([stored('I', '4')], [planned('II', '4')]);
    expect(diff.added.map((task) => task.key)).toEqual(['II/4']);
    expect(diff.removed.map((task) => task.key)).toEqual(['I/4']);
  });

  it('lets a cancelled task answer for its row, and never removes it again', () => {
    const diff = diffPlan(
      [
        stored('I', '1', { state: 'cancelled' }),
        stored('I', '2', { state: 'cancelled' }),
        stored('I', '3', { id: 'old-3', state: 'cancelled' }),
        stored('I', '3', { id: 'new-3' }),
      ],
      [planned('I', '1'), planned('I', '3', { product: 'Kế hoạch' })],
    );
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.unchanged).toBe(1);
    expect(diff.changed.map((change) => change.task.id)).toEqual(['new-3']);
  });
});
