import { judgeTarget } from './metrics';

describe('judgeTarget', () => {
  it('compares a percentage ratio in percent, rounded to two decimals', () => {
    expect(judgeTarget({ unit: 'percent', comparator: 'gte', value: 90 }, 0.9)).toBe('met');
    expect(judgeTarget({ unit: 'percent', comparator: 'gte', value: 90 }, 0.89995)).toBe('met');
    expect(judgeTarget({ unit: 'percent', comparator: 'gte', value: 90 }, 0.8999)).toBe('not_met');
    expect(judgeTarget({ unit: 'percent', comparator: 'eq', value: 100 }, 1)).toBe('met');
    expect(judgeTarget({ unit: 'percent', comparator: 'eq', value: 100 }, 0.99)).toBe('not_met');
  });

  it('compares counts as they are', () => {
    expect(judgeTarget({ unit: 'count', comparator: 'lte', value: 0 }, 0)).toBe('met');
    expect(judgeTarget({ unit: 'count', comparator: 'lte', value: 0 }, 1)).toBe('not_met');
  });

  it('says qualitative without a comparator, and no data without an actual', () => {
    expect(judgeTarget({ unit: null, comparator: null, value: null }, 1)).toBe('qualitative');
    expect(judgeTarget({ unit: 'percent', comparator: 'gte', value: 90 }, null)).toBe('no_data');
  });
});
