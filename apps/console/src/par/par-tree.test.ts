import { describe, expect, it } from 'vitest';
import { formatRate } from '../common/format';
import { awaitingReview, criteriaTree, formatPercent, formatPoints } from './par-tree';
import type { Criterion } from './types';

const criterion = (code: string, parentCode: string | null, extra: Partial<Criterion> = {}) =>
  ({
    id: code,
    code,
    name: `Tiêu chí ${code}`,
    level:
      parentCode === null ? 'area' : code.split('.').length === 2 ? 'criterion' : 'subCriterion',
    parentCode,
    maxPoints: 1,
    method: 'self',
    metric: null,
    leaf: false,
    points: null,
    acceptedPoints: null,
    score: null,
    tasks: [],
    ...extra,
  }) as Criterion;

describe('criteriaTree', () => {
  it('nests sub-criteria under criteria under areas, in the order given, leaves without children', () => {
    const tree = criteriaTree([
      criterion('1', null),
      criterion('1.1', '1'),
      criterion('1.1.1', '1.1', { leaf: true }),
      criterion('1.1.2', '1.1', { leaf: true }),
      criterion('2', null, { leaf: true }),
    ]);
    expect(tree.map((row) => row.code)).toEqual(['1', '2']);
    expect(tree[0].children?.[0].children?.map((row) => row.code)).toEqual(['1.1.1', '1.1.2']);
    expect(tree[0].children?.[0].children?.[0].children).toBeUndefined();
    expect(tree[1].children).toBeUndefined();
  });
});

describe('formats', () => {
  it('writes points and percentages with Vietnamese separators, a dash for nothing', () => {
    expect(formatPoints(1.25)).toBe('1,25');
    expect(formatPoints(null)).toBe('—');
    expect(formatPercent(87.5)).toBe('87,5%');
    expect(formatPercent(null)).toBe('—');
    expect(formatRate(0.9254)).toBe('92,5%');
    expect(formatRate(null)).toBe('—');
  });
});

describe('awaitingReview', () => {
  it('counts the leaves whose score waits for the coordinator', () => {
    const submitted = { status: 'submitted' } as Criterion['score'];
    const accepted = { status: 'accepted' } as Criterion['score'];
    expect(
      awaitingReview([
        criterion('1.1', '1', { leaf: true, score: submitted }),
        criterion('1.2', '1', { leaf: true, score: accepted }),
        criterion('1.3', '1', { leaf: true }),
      ]),
    ).toBe(1);
  });
});
