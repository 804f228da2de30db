import { endOfDayInstant } from '@cchc/calendar';
import { assignmentAt, TaskAuditRow, tasksAsOf } from './task-history';

const cutoffInstant = endOfDayInstant('2026-03-14');
const BEFORE = '2026-03-10T09:00:00';
const AFTER = '2026-03-20T09:00:00';

const event = (
  seq: number,
  eventType: string,
  toState: string,
  local: string,
  payload: Record<string, unknown> | null = null,
): TaskAuditRow => ({
  instanceId: 't',
  seq,
  eventType,
  toState,
  reason: null,
  occurredAt: new Date(`${local}+07:00`),
  payload,
});

/** Created on 5 January with its values in the payload, as tasks are created now. */
const created = event(1, 'CREATED', 'assigned', '2026-01-05T08:00:00', {
  title: 'Rà soát thủ tục',
  dueDate: '2026-03-01',
  leadUnitId: 'vhxh',
  leaderId: 'pct1',
});
const NOW = { dueDate: '2026-04-30', leadUnitId: 'ktht', leaderId: 'pct2' };

describe('assignmentAt', () => {
  it('undoes an extension approved after the cut-off', () => {
    const rows = [
      created,
      event(2, 'DEADLINE_PASSED', 'overdue', '2026-03-02T00:00:00'),
      event(3, 'DECIDE_EXTENSION', 'inProgress', AFTER, {
        decision: 'approve',
        newDueDate: '2026-04-30',
      }),
    ];
    expect(assignmentAt({ dueDate: '2026-04-30' }, rows, cutoffInstant)).toEqual({
      dueDate: '2026-03-01',
    });
  });

  it('takes an extension approved by the cut-off, with the date proposed when none is given', () => {
    const rows = [
      created,
      event(2, 'REQUEST_EXTENSION', 'assigned', '2026-02-20T08:00:00', {
        proposedDueDate: '2026-03-31',
      }),
      event(3, 'DECIDE_EXTENSION', 'assigned', BEFORE, { decision: 'approve' }),
      event(4, 'REQUEST_EXTENSION', 'assigned', AFTER, { proposedDueDate: '2026-04-30' }),
      event(5, 'DECIDE_EXTENSION', 'assigned', AFTER, { decision: 'approve' }),
    ];
    expect(assignmentAt({ dueDate: '2026-04-30' }, rows, cutoffInstant).dueDate).toBe('2026-03-31');
  });

  it('ignores a rejected extension', () => {
    const rows = [
      created,
      event(2, 'REQUEST_EXTENSION', 'assigned', '2026-02-20T08:00:00', {
        proposedDueDate: '2026-03-31',
      }),
      event(3, 'DECIDE_EXTENSION', 'assigned', BEFORE, { decision: 'reject' }),
    ];
    expect(assignmentAt({ dueDate: '2026-03-01' }, rows, cutoffInstant).dueDate).toBe('2026-03-01');
  });

  it('keeps the lead unit and leader of the cut-off through later reassignments', () => {
    const rows = [
      created,
      event(2, 'REASSIGN', 'assigned', BEFORE, { leaderId: null }),
      event(3, 'REASSIGN', 'assigned', AFTER, { leadUnitId: 'ktht', leaderId: 'pct2' }),
    ];
    expect(assignmentAt(NOW, rows, cutoffInstant)).toEqual({
      dueDate: '2026-03-01',
      leadUnitId: 'vhxh',
      leaderId: null,
    });
  });

  it('reads a plan amendment’s changes, a removed due date included', () => {
    const rows = [
      created,
      event(2, 'AMEND', 'assigned', BEFORE, {
        changes: { dueDate: null, leadUnitId: 'tp' },
        planChanges: [],
      }),
      event(3, 'AMEND', 'assigned', AFTER, { changes: { dueDate: '2026-04-30' } }),
    ];
    expect(assignmentAt(NOW, rows, cutoffInstant)).toEqual({
      dueDate: null,
      leadUnitId: 'tp',
      leaderId: 'pct1',
    });
  });

  it('returns only the fields it is given', () => {
    expect(assignmentAt({ dueDate: '2026-04-30' }, [created], cutoffInstant)).toEqual({
      dueDate: '2026-03-01',
    });
  });

  describe('a task created before its first event carried its values', () => {
    const legacy = event(1, 'CREATED', 'assigned', '2026-01-05T08:00:00', { title: 'Cũ' });
    const laterChanges = [
      event(3, 'DECIDE_EXTENSION', 'assigned', AFTER, {
        decision: 'approve',
        newDueDate: '2026-04-30',
      }),
      event(4, 'REASSIGN', 'assigned', AFTER, { leadUnitId: 'ktht' }),
    ];

    it('takes the value now when nothing changed it after the cut-off', () => {
      const rows = [legacy, event(2, 'REASSIGN', 'assigned', BEFORE, { leadUnitId: 'tp' })];
      expect(
        assignmentAt({ dueDate: '2026-03-01', leadUnitId: 'tp' }, rows, cutoffInstant),
      ).toEqual({ dueDate: '2026-03-01', leadUnitId: 'tp' });
    });

    it('takes the due date a reminder before the cut-off was planned for', () => {
      const remind = event(2, 'REMIND', 'assigned', '2026-02-27T08:00:00', {
        dueDate: '2026-03-01',
        level: 0,
        to: ['leadUnit'],
      });
      expect(
        assignmentAt({ dueDate: '2026-04-30' }, [legacy, remind, ...laterChanges], cutoffInstant),
      ).toEqual({ dueDate: '2026-03-01' });
    });

    it('has only the value now for a unit first changed after the cut-off', () => {
      expect(
        assignmentAt(
          { dueDate: '2026-04-30', leadUnitId: 'ktht' },
          [legacy, ...laterChanges],
          cutoffInstant,
        ),
      ).toEqual({ dueDate: '2026-04-30', leadUnitId: 'ktht' });
    });
  });
});

describe('tasksAsOf', () => {
  it('counts a task overdue at the cut-off with its due date and unit then', () => {
    const rows = [
      created,
      event(2, 'DEADLINE_PASSED', 'overdue', '2026-03-02T00:00:00'),
      event(3, 'DECIDE_EXTENSION', 'inProgress', AFTER, {
        decision: 'approve',
        newDueDate: '2026-04-30',
      }),
      event(4, 'REASSIGN', 'inProgress', AFTER, { leadUnitId: 'ktht' }),
    ];
    expect(tasksAsOf([{ id: 't', ...NOW }], rows, cutoffInstant)).toEqual([
      {
        id: 't',
        dueDate: '2026-03-01',
        leadUnitId: 'vhxh',
        leaderId: 'pct1',
        state: 'overdue',
        onTime: null,
        reason: null,
      },
    ]);
  });

  it('leaves out a task created after the cut-off, even with later assigning events', () => {
    const rows = [
      { ...created, occurredAt: new Date('2026-03-16T08:00:00+07:00') },
      event(2, 'REASSIGN', 'assigned', AFTER, { leadUnitId: 'ktht' }),
    ];
    expect(tasksAsOf([{ id: 't', ...NOW }], rows, cutoffInstant)).toEqual([]);
  });
});
