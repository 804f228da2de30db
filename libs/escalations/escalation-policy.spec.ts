import { endOfDayInstant, WorkingCalendar } from '@cchc/calendar';
import {
  DEFAULT_ESCALATION_POLICY,
  firedSlot,
  planTaskTimers,
  recipientsOf,
} from './escalation-policy';

describe('planTaskTimers', () => {
  const calendar = new WorkingCalendar();
  // Friday 27 Feb 2026, 09:00 in Hà Nội; due Thursday 5 Mar 2026.
  const now = new Date('2026-02-27T09:00:00+07:00');
  const due = '2026-03-05';
  const plan = (
    state: 'assigned' | 'inProgress' | 'overdue' | 'reported',
    at = now,
    fired = new Set<string>(),
  ) =>
    planTaskTimers({ state, dueDate: due }, DEFAULT_ESCALATION_POLICY, calendar, at, fired).map(
      (timer) => ({ ...timer, fireAt: timer.fireAt.toISOString() }),
    );

  it('plans two reminders at 08:00 (3 working days before, the due date) and the deadline at 23:59:59.999', () => {
    expect(plan('assigned')).toEqual([
      { kind: 'remind', level: 1, dueDate: due, fireAt: '2026-03-02T01:00:00.000Z' },
      { kind: 'remind', level: 2, dueDate: due, fireAt: '2026-03-05T01:00:00.000Z' },
      { kind: 'deadline', level: 1, dueDate: due, fireAt: '2026-03-05T16:59:59.999Z' },
    ]);
    expect(plan('inProgress')).toEqual(plan('assigned'));
  });

  it('counts working days across a weekend and Tết', () => {
    // Due Thursday 26 Feb 2026: three working days before skips Tết Bính Ngọ (16–20 Feb) and the weekend.
    const timers = planTaskTimers(
      { state: 'assigned', dueDate: '2026-02-26' },
      DEFAULT_ESCALATION_POLICY,
      calendar,
      new Date('2026-02-01T00:00:00Z'),
    );
    expect(timers[0].fireAt.toISOString()).toBe('2026-02-23T01:00:00.000Z');
  });

  it('escalates an overdue task at the end of the 3rd and 10th working day after its due date', () => {
    expect(plan('overdue')).toEqual([
      {
        kind: 'escalate',
        level: 1,
        dueDate: due,
        fireAt: endOfDayInstant(calendar.addWorkingDays(due, 3)).toISOString(),
      },
      {
        kind: 'escalate',
        level: 2,
        dueDate: due,
        fireAt: endOfDayInstant(calendar.addWorkingDays(due, 10)).toISOString(),
      },
    ]);
  });

  it('plans nothing for a task that is reported, settled or has no due date', () => {
    expect(plan('reported')).toEqual([]);
    expect(
      planTaskTimers(
        { state: 'assigned', dueDate: null },
        DEFAULT_ESCALATION_POLICY,
        calendar,
        now,
      ),
    ).toEqual([]);
  });

  it('leaves out what already fired for this due date, and late reminders once the deadline passed', () => {
    const fired = new Set([firedSlot('remind', 1)]);
    expect(plan('assigned', now, fired).map((t) => `${t.kind} ${t.level}`)).toEqual([
      'remind 2',
      'deadline 1',
    ]);
    const afterDeadline = new Date('2026-03-06T09:00:00+07:00');
    expect(plan('assigned', afterDeadline).map((t) => `${t.kind} ${t.level}`)).toEqual([
      'deadline 1',
    ]);
  });

  it('keeps a reminder whose moment passed while the deadline is still ahead (it fires late)', () => {
    const afterFirstReminder = new Date('2026-03-03T09:00:00+07:00');
    expect(plan('assigned', afterFirstReminder).map((t) => `${t.kind} ${t.level}`)).toEqual([
      'remind 1',
      'remind 2',
      'deadline 1',
    ]);
  });

  it('names the recipients of each level, and none for a level the policy no longer has', () => {
    expect(recipientsOf(DEFAULT_ESCALATION_POLICY, 'remind', 2)).toEqual(['leadUnit']);
    expect(recipientsOf(DEFAULT_ESCALATION_POLICY, 'escalate', 1)).toEqual(['chairman']);
    expect(recipientsOf(DEFAULT_ESCALATION_POLICY, 'escalate', 3)).toBeNull();
  });
});
