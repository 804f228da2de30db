import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { bulkBody } from './bulk-actions';

describe('bulkBody', () => {
  const values = { leadUnitId: 'u1', dueDate: dayjs('2026-04-30'), reason: '  Theo kế hoạch mới ' };

  it('sends only the fields each action takes', () => {
    expect(bulkBody('REASSIGN', ['a', 'b'], values)).toEqual({
      type: 'REASSIGN',
      taskIds: ['a', 'b'],
      leadUnitId: 'u1',
    });
    expect(bulkBody('AMEND', ['a'], values)).toEqual({
      type: 'AMEND',
      taskIds: ['a'],
      dueDate: '2026-04-30',
      reason: 'Theo kế hoạch mới',
    });
    expect(bulkBody('REMIND', ['a'], values)).toEqual({ type: 'REMIND', taskIds: ['a'] });
  });
});
