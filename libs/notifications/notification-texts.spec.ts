import { notificationText } from './notification-texts';

describe('notificationText', () => {
  it('names the task in the title and the body', () => {
    expect(notificationText('task.assigned', 'Rà soát TTHC')).toEqual({
      title: 'Nhiệm vụ mới được giao: Rà soát TTHC',
      body: 'Nhiệm vụ mới được giao.\nNhiệm vụ: Rà soát TTHC',
    });
  });

  it("says an escalation's and a reminder's level, so two levels never read as one sent twice", () => {
    expect(notificationText('task.escalated', 'Rà soát TTHC', 1).title).toBe(
      'Chuyển cấp trên xử lý lần 1: nhiệm vụ quá hạn chưa hoàn thành: Rà soát TTHC',
    );
    expect(notificationText('task.escalated', 'Rà soát TTHC', 2).title).toBe(
      'Chuyển cấp trên xử lý lần 2: nhiệm vụ quá hạn chưa hoàn thành: Rà soát TTHC',
    );
    expect(notificationText('task.reminder', 'Rà soát TTHC', 2).body).toBe(
      'Nhắc hạn lần 2: nhiệm vụ sắp đến hạn.\nNhiệm vụ: Rà soát TTHC',
    );
  });

  it('reads a job without a level (a manual reminder, an older job) as before', () => {
    expect(notificationText('task.reminder', 'Rà soát TTHC').title).toBe(
      'Nhắc hạn: nhiệm vụ sắp đến hạn: Rà soát TTHC',
    );
  });
});
