import { diffPlan, StoredTask } from './diff-plan';
import { importWrites } from './past-due';
import { PlannedTask, taskKey } from './planned-tasks';

const planned = (ordinal: string, dueDate: string | null, deadlineRaw = dueDate) =>
  ({
    key: taskKey('I', ordinal),
    parentKey: null,
    sourceRow: Number(ordinal),
    area: 'I',
    ordinal,
    isGroup: false,
    title: `Việc ${ordinal}`,
    content: `Việc ${ordinal}`,
    requirement: null,
    product: null,
    leadUnitRaw: 'Phòng VHXH',
    leadUnitId: 'unit-VHXH',
    coordinatingRaw: null,
    coordinatingUnitIds: [],
    leaderRaw: null,
    leaderId: null,
    leaderRule: 'none',
    deadlineRaw,
    deadline: null,
    dueDate,
  }) satisfies PlannedTask;

const stored = (ordinal: string, state: string, deadlineRaw: string | null) =>
  ({
    id: `task-${ordinal}`,
    key: taskKey('I', ordinal),
    state,
    area: 'I',
    ordinal,
    title: `Việc ${ordinal}`,
    content: `Việc ${ordinal}`,
    requirement: null,
    product: null,
    leadUnitRaw: 'Phòng VHXH',
    coordinatingRaw: null,
    leaderRaw: null,
    deadlineRaw,
  }) satisfies StoredTask;

const ordinals = (tasks: PlannedTask[]) => tasks.map((task) => task.ordinal);

describe('importWrites', () => {
  it('creates every task of a new plan; past due are those due before today, not on it', () => {
    const tasks = [
      planned('1', '2026-01-19'),
      planned('2', '2026-01-20'),
      planned('3', '2026-12-31'),
      planned('4', null),
      planned('5', '2023-06-30'),
    ];
    const writes = importWrites(tasks, '2026-01-20');
    expect(ordinals(writes.created)).toEqual(['1', '2', '3', '4', '5']);
    expect(ordinals(writes.pastDue)).toEqual(['1', '5']);
  });

  it('counts for an amended plan only the tasks added, and those still waiting moved into the past', () => {
    const before = [
      stored('1', 'assigned', '2026-12-31'),
      stored('2', 'inProgress', '2026-12-31'),
      stored('3', 'accepted', '2026-12-31'),
      stored('4', 'overdue', '2026-01-05'),
      stored('5', 'assigned', '2026-01-05'),
    ];
    const after = [
      // moved into the past while waiting: overdue at once
      planned('1', '2026-01-10'),
      planned('2', '2026-01-11'),
      // settled, or overdue already: the change makes nothing newly overdue
      planned('3', '2026-01-10'),
      planned('4', '2026-01-06'),
      // unchanged row, past due since before: not the import's doing
      planned('5', '2026-01-05'),
      // added
      planned('6', '2026-01-02'),
      planned('7', '2026-02-02'),
    ];
    const writes = importWrites(after, '2026-01-20', diffPlan(before, after));
    expect(ordinals(writes.created)).toEqual(['6', '7']);
    expect(ordinals(writes.pastDue)).toEqual(['6', '1', '2']);
  });
});
