import { endOfDayInstant } from '@cchc/calendar';
import { TaskAuditRow, tasksAsOf } from '@cchc/tasks';
import {
  nextPeriodTasks,
  PlannedTask,
  ratioText,
  taskSection,
  verdictRatioText,
} from './report-content';

const CUTOFF = '2026-03-14';
const cutoffInstant = endOfDayInstant(CUTOFF);

const task = (
  id: string,
  areaCode: string,
  dueDate: string | null,
): PlannedTask & { leadUnitName: string } => ({
  id,
  ordinal: id,
  title: `Nhiệm vụ ${id}`,
  areaCode,
  areaName: `Lĩnh vực ${areaCode}`,
  leadUnitId: 'vhxh',
  leadUnitName: 'Phòng Văn hóa - Xã hội',
  dueDate,
});

const event = (
  instanceId: string,
  seq: number,
  eventType: string,
  toState: string,
  local: string,
  reason: string | null = null,
): TaskAuditRow => ({
  instanceId,
  seq,
  eventType,
  toState,
  reason,
  occurredAt: new Date(`${local}+07:00`),
});

const TASKS = [
  task('1', 'I', '2026-03-10'),
  task('2', 'I', '2026-03-31'),
  task('3', 'II', '2026-02-28'),
  task('4', 'II', '2026-04-30'),
  task('5', 'II', '2026-03-31'),
];

const AUDIT = [
  // 1: reported before its due date, accepted after it (late) but before the cut-off.
  event('1', 1, 'CREATED', 'assigned', '2026-01-05T08:00:00'),
  event('1', 2, 'START', 'inProgress', '2026-01-06T08:00:00'),
  event('1', 3, 'SUBMIT_REPORT', 'reported', '2026-03-09T08:00:00'),
  event('1', 4, 'APPROVE', 'accepted', '2026-03-14T23:59:00'),
  // 2: accepted one minute after the cut-off: still reported at the cut-off.
  event('2', 1, 'CREATED', 'assigned', '2026-01-05T08:00:00'),
  event('2', 2, 'SUBMIT_REPORT', 'reported', '2026-03-12T08:00:00'),
  event('2', 3, 'APPROVE', 'accepted', '2026-03-15T00:00:30'),
  // 3: overdue with an extension request's reason; accepted late after the cut-off.
  event('3', 1, 'CREATED', 'assigned', '2026-01-05T08:00:00'),
  event('3', 2, 'DEADLINE_PASSED', 'overdue', '2026-02-28T23:59:59'),
  event('3', 3, 'REQUEST_EXTENSION', 'overdue', '2026-03-02T09:00:00', 'Chờ hướng dẫn của Sở'),
  event('3', 4, 'SUBMIT_REPORT', 'reported', '2026-03-20T09:00:00'),
  // 4: created after the cut-off: not counted.
  event('4', 1, 'CREATED', 'assigned', '2026-03-16T08:00:00'),
  // 5: accepted, but reported after its due date.
  event('5', 1, 'CREATED', 'assigned', '2026-01-05T08:00:00'),
  event('5', 2, 'SUBMIT_REPORT', 'reported', '2026-03-11T08:00:00'),
  event('5', 3, 'RETURN', 'inProgress', '2026-03-11T10:00:00', 'Thiếu sản phẩm'),
];

describe('tasksAsOf', () => {
  const asOf = tasksAsOf(TASKS, AUDIT, cutoffInstant);
  const byId = Object.fromEntries(asOf.map((t) => [t.id, t]));

  it('takes each task’s state from its last event up to the end of the cut-off day', () => {
    expect(asOf.map((t) => [t.id, t.state])).toEqual([
      ['1', 'accepted'],
      ['2', 'reported'],
      ['3', 'overdue'],
      ['5', 'inProgress'],
    ]);
  });

  it('leaves out a task created after the cut-off', () => {
    expect(byId['4']).toBeUndefined();
  });

  it('judges an accepted task on time by the day it was accepted against the due date', () => {
    expect(byId['1'].onTime).toBe(false);
    expect(byId['2'].onTime).toBeNull();
    const onTime = tasksAsOf(
      [task('7', 'I', '2026-03-03')],
      [
        event('7', 1, 'CREATED', 'assigned', '2026-01-05T08:00:00'),
        event('7', 2, 'SUBMIT_REPORT', 'reported', '2026-03-02T08:00:00'),
        event('7', 3, 'APPROVE', 'accepted', '2026-03-03T23:30:00'),
      ],
      cutoffInstant,
    );
    expect(onTime[0].onTime).toBe(true);
    const late = tasksAsOf(
      [task('6', 'I', '2026-03-01')],
      [
        event('6', 1, 'CREATED', 'assigned', '2026-01-05T08:00:00'),
        event('6', 2, 'SUBMIT_REPORT', 'reported', '2026-03-02T08:00:00'),
        event('6', 3, 'APPROVE', 'accepted', '2026-03-03T08:00:00'),
      ],
      cutoffInstant,
    );
    expect(late[0].onTime).toBe(false);
  });

  it('keeps the latest reason recorded up to the cut-off', () => {
    expect(byId['3'].reason).toBe('Chờ hướng dẫn của Sở');
    expect(byId['5'].reason).toBe('Thiếu sản phẩm');
  });
});

describe('taskSection and nextPeriodTasks', () => {
  const asOf = tasksAsOf(TASKS, AUDIT, cutoffInstant);

  it('counts by area and state, done, on time and late', () => {
    const section = taskSection(asOf, CUTOFF);
    expect(section).toMatchObject({
      total: 4,
      done: 1,
      donePercent: 25,
      doneOnTime: 0,
      doneLate: 1,
      byState: { accepted: 1, reported: 1, overdue: 1, inProgress: 1, assigned: 0, cancelled: 0 },
    });
    expect(section.areas.map((a) => [a.code, a.total, a.done, a.donePercent])).toEqual([
      ['I', 2, 1, 50],
      ['II', 2, 0, 0],
    ]);
  });

  it('lists the overdue tasks with their lead unit and reason', () => {
    expect(taskSection(asOf, CUTOFF).overdue).toEqual([
      {
        ordinal: '3',
        title: 'Nhiệm vụ 3',
        leadUnit: 'Phòng Văn hóa - Xã hội',
        dueDate: '2026-02-28',
        state: 'overdue',
        reason: 'Chờ hướng dẫn của Sở',
      },
    ]);
  });

  it('lists the open tasks due in the next period', () => {
    expect(nextPeriodTasks(asOf, CUTOFF, '2026-06-14').map((t) => t.ordinal)).toEqual(['5']);
  });
});

describe('areas in the plan’s order', () => {
  const one = (code: string, position: number | null) =>
    tasksAsOf(
      [{ ...task(code, code, '2026-03-31'), areaPosition: position }],
      [event(code, 1, 'CREATED', 'assigned', '2026-01-05T08:00:00')],
      cutoffInstant,
    )[0];

  it('lists IX after VIII, not between IV and V', () => {
    const tasks = ['IX', 'V', 'IV', 'X', 'I'].map((code) => one(code, null));
    expect(taskSection(tasks, CUTOFF).areas.map((a) => a.code)).toEqual([
      'I',
      'IV',
      'V',
      'IX',
      'X',
    ]);
  });

  it('follows the plan’s positions when it has them, tasks without an area last', () => {
    const tasks = [one('B', 3), one('A', 2), one('C', 1), { ...one('', null), areaCode: null }];
    expect(taskSection(tasks, CUTOFF).areas.map((a) => a.code)).toEqual(['C', 'A', 'B', '']);
  });
});

describe('figures counted before the cut-off day ended', () => {
  // Q4/2026 (cut-off 14/12) compiled on 01/12/2026: tasks due 1–13/12 are not overdue yet.
  const counted = '2026-12-01';
  const open = (id: string, dueDate: string) =>
    tasksAsOf(
      [task(id, 'I', dueDate)],
      [event(id, 1, 'CREATED', 'assigned', '2026-10-01T08:00:00')],
      endOfDayInstant(counted),
    )[0];
  const tasks = [open('a', '2026-11-30'), open('b', '2026-12-01'), open('c', '2026-12-10')];

  it('counts overdue only what was past due on the day counted', () => {
    expect(taskSection(tasks, counted).overdue.map((t) => t.ordinal)).toEqual(['a']);
  });

  it('lists the tasks still ahead from that day on', () => {
    expect(nextPeriodTasks(tasks, '2026-11-30', '2027-03-14').map((t) => t.ordinal)).toEqual([
      'b',
      'c',
    ]);
  });
});

describe('a target’s actual beside its verdict', () => {
  it('prints enough decimals not to contradict the verdict', () => {
    // 2249/2500 = 89,96%: judged on two decimals, not met against ≥ 90%.
    expect(ratioText(2249 / 2500)).toBe('90%');
    expect(verdictRatioText(2249 / 2500, { comparator: 'gte', value: 90 }, false)).toBe('89,96%');
    expect(verdictRatioText(0.9996, { comparator: 'gte', value: 100 }, false)).toBe('99,96%');
    expect(verdictRatioText(0.9004, { comparator: 'lte', value: 90 }, false)).toBe('90,04%');
    expect(verdictRatioText(0.5, { comparator: 'eq', value: 50 }, true)).toBe('50%');
  });

  it('keeps one decimal where it agrees with the verdict', () => {
    expect(verdictRatioText(2 / 3, { comparator: 'gte', value: 90 }, false)).toBe('66,7%');
    expect(verdictRatioText(0.92345, { comparator: 'gte', value: 90 }, true)).toBe('92,3%');
    expect(verdictRatioText(0.9, { comparator: 'gte', value: 90 }, null)).toBe('90%');
  });
});
