import { eventBody, missingField } from './event-forms';

describe('task event forms', () => {
  it('requires a report to submit, a reason to return or cancel, a date to ask for more time', () => {
    expect(missingField('SUBMIT_REPORT', {})?.name).toBe('report');
    expect(missingField('SUBMIT_REPORT', { report: '   ' })?.name).toBe('report');
    expect(missingField('SUBMIT_REPORT', { report: 'Đã hoàn thành' })).toBeNull();
    expect(missingField('RETURN', {})?.name).toBe('reason');
    expect(missingField('CANCEL', { reason: 'Trùng nhiệm vụ' })).toBeNull();
    expect(missingField('REQUEST_EXTENSION', { reason: 'Chờ số liệu' })?.name).toBe(
      'proposedDueDate',
    );
    expect(missingField('START', {})).toBeNull();
    expect(missingField('APPROVE', {})).toBeNull();
  });

  it('builds the API body: blanks left out, AMEND as changes, the decision for extensions', () => {
    expect(eventBody('SUBMIT_REPORT', 3, { report: 'Xong', product: ' ' })).toEqual({
      type: 'SUBMIT_REPORT',
      version: 3,
      report: 'Xong',
    });
    expect(
      eventBody('AMEND', 2, { newDueDate: '2026-12-31', reason: 'Theo kế hoạch sửa' }),
    ).toEqual({
      type: 'AMEND',
      version: 2,
      reason: 'Theo kế hoạch sửa',
      changes: { dueDate: '2026-12-31' },
    });
    expect(eventBody('DECIDE_EXTENSION', 5, {}, 'reject')).toEqual({
      type: 'DECIDE_EXTENSION',
      version: 5,
      decision: 'reject',
    });
  });
});
