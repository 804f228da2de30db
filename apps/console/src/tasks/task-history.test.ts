import { entryTitle } from './task-history';

describe("a task's history headings", () => {
  it('names the level and recipients of each escalation, so two levels never read alike', () => {
    const escalation = (level: number, to: string[]) => ({
      event: 'ESCALATE',
      payload: { dueDate: '2023-12-31', level, to },
    });
    // The default policy: both levels to the chairman, fired together for a long-overdue task.
    expect(entryTitle(escalation(1, ['chairman']))).toBe(
      'Chuyển cấp trên xử lý lần 1: Chủ tịch UBND',
    );
    expect(entryTitle(escalation(2, ['chairman']))).toBe(
      'Chuyển cấp trên xử lý lần 2: Chủ tịch UBND',
    );
    expect(entryTitle(escalation(1, ['leadUnitHead', 'leader']))).toBe(
      'Chuyển cấp trên xử lý lần 1: Thủ trưởng đơn vị chủ trì, Lãnh đạo phụ trách',
    );
  });

  it('names the reminders so too, and leaves any other event as it is', () => {
    expect(entryTitle({ event: 'REMIND', payload: { level: 2, to: ['leadUnit'] } })).toBe(
      'Nhắc hạn lần 2: Đơn vị chủ trì',
    );
    expect(entryTitle({ event: 'DEADLINE_PASSED', payload: null })).toBe('Quá hạn');
    // An entry written without its step (or with an unknown recipient) still reads.
    expect(entryTitle({ event: 'ESCALATE', payload: null })).toBe('Chuyển cấp trên xử lý');
    expect(entryTitle({ event: 'ESCALATE', payload: { level: 3, to: ['mayor'] } })).toBe(
      'Chuyển cấp trên xử lý lần 3: mayor',
    );
  });
});
