import type { PlanMetadata } from '../types';
import { planContentHash } from './content-hash';
import type { PlannedTask } from './planned-tasks';

const plan: PlanMetadata = { number: null, title: 'Kế hoạch CCHC', year: 2026, issueDate: null };
const task = { key: 'I/1', content: 'Việc', deadlineRaw: 'Quý I/2026' } as PlannedTask;

describe('planContentHash', () => {
  it('is the same for the same rows, and changes with any cell, the title or the year', () => {
    const hash = planContentHash(plan, [task]);
    expect(planContentHash({ ...plan, issueDate: '2026-01-12' }, [{ ...task }])).toBe(hash);
    expect(planContentHash(plan, [{ ...task, deadlineRaw: 'Quý II/2026' }])).not.toBe(hash);
    expect(planContentHash({ ...plan, title: 'Kế hoạch khác' }, [task])).not.toBe(hash);
    expect(planContentHash({ ...plan, year: 2027 }, [task])).not.toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
