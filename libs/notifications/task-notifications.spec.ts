import { taskHeading } from './task-notifications';

describe('taskHeading', () => {
  it("says an escalation's and a reminder's level, so two levels never read as one sent twice", () => {
    expect(taskHeading('task.escalated', 1)).toBe(
      'Chuyển cấp trên xử lý lần 1: nhiệm vụ quá hạn chưa hoàn thành',
    );
    expect(taskHeading('task.escalated', 2)).toBe(
      'Chuyển cấp trên xử lý lần 2: nhiệm vụ quá hạn chưa hoàn thành',
    );
    expect(taskHeading('task.reminder', 2)).toBe('Nhắc hạn lần 2: nhiệm vụ sắp đến hạn');
  });

  it('reads a notice without a level (a manual reminder, an older job) as before', () => {
    expect(taskHeading('task.reminder')).toBe('Nhắc hạn: nhiệm vụ sắp đến hạn');
    expect(taskHeading('task.assigned')).toBe('Nhiệm vụ mới được giao');
  });

  it('gives a topic this version does not know a general heading', () => {
    expect(taskHeading('task.unknown')).toBe('Thông báo về nhiệm vụ');
  });
});
