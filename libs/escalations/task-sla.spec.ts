import { WorkingCalendar } from '@cchc/calendar';
import { TaskState } from '@cchc/domain';
import { taskSla } from './task-sla';

describe('taskSla', () => {
  const calendar = new WorkingCalendar();
  const open = (dueDate: string | null, state: TaskState = 'inProgress') => ({
    state,
    dueDate,
    late: false,
  });

  it('counts working days left, skipping the weekend', () => {
    // Friday 06/03/2026 → Friday 13/03/2026: five working days later.
    expect(taskSla(open('2026-03-13'), '2026-03-06', calendar, 3)).toEqual({
      status: 'onTrack',
      workingDaysLeft: 5,
      workingDaysOverdue: null,
    });
  });

  it('is due soon inside the reminder window, and on the due date itself', () => {
    expect(taskSla(open('2026-03-13'), '2026-03-10', calendar, 3).status).toBe('dueSoon');
    expect(taskSla(open('2026-03-13'), '2026-03-13', calendar, 3)).toEqual({
      status: 'dueSoon',
      workingDaysLeft: 0,
      workingDaysOverdue: null,
    });
  });

  it('counts the working days overdue, Tết not counted', () => {
    // Due Friday 13/02/2026; Tết Bính Ngọ keeps 16–20/02 off, so Monday 23/02 is one day late.
    expect(taskSla(open('2026-02-13', 'overdue'), '2026-02-23', calendar, 3)).toEqual({
      status: 'overdue',
      workingDaysLeft: null,
      workingDaysOverdue: 1,
    });
    // An open task past its date is overdue before the worker has marked it.
    expect(taskSla(open('2026-02-13', 'assigned'), '2026-02-24', calendar, 3).status).toBe(
      'overdue',
    );
  });

  it('says a task reported by its due date met it while it waits for review; reported late, overdue', () => {
    // Reported Tuesday 10/03 for Friday 13/03; the leader has not reviewed it by Tuesday 17/03.
    const reported = { state: 'reported' as const, dueDate: '2026-03-13' };
    expect(taskSla({ ...reported, late: false }, '2026-03-17', calendar, 3)).toEqual({
      status: 'reportedOnTime',
      workingDaysLeft: null,
      workingDaysOverdue: null,
    });
    expect(taskSla({ ...reported, late: false }, '2026-03-11', calendar, 3).status).toBe(
      'reportedOnTime',
    );
    expect(taskSla({ ...reported, late: true }, '2026-03-17', calendar, 3)).toEqual({
      status: 'overdue',
      workingDaysLeft: null,
      workingDaysOverdue: 2,
    });
  });

  it('tells late completion from completion on time; nothing for cancelled or undated tasks', () => {
    const accepted = { state: 'accepted' as const, dueDate: '2026-02-13' };
    expect(taskSla({ ...accepted, late: true }, '2026-03-01', calendar, 3).status).toBe(
      'completedLate',
    );
    expect(taskSla({ ...accepted, late: false }, '2026-03-01', calendar, 3).status).toBe(
      'completedOnTime',
    );
    expect(taskSla(open(null), '2026-03-01', calendar, 3).status).toBe('none');
    expect(
      taskSla({ state: 'cancelled', dueDate: '2026-01-01', late: false }, '2026-03-01', calendar, 3)
        .status,
    ).toBe('none');
  });
});
