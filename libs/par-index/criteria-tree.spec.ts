import { buildCriteriaTree, CriterionInput } from './criteria-tree';

const self = (code: string, maxPoints: number): CriterionInput => ({
  code,
  name: `Tiêu chí ${code}`,
  maxPoints,
  method: 'self',
});

describe('buildCriteriaTree', () => {
  it('links criteria to areas by number (roman or arabic) and sub-criteria to criteria', () => {
    const { criteria, problems } = buildCriteriaTree([
      self('III', 10),
      self('3.1', 4),
      { code: '3.2', name: 'Kết quả giải quyết TTHC', maxPoints: 6, method: 'self' },
      {
        code: '3.2.1',
        name: 'Tỷ lệ đúng hạn',
        maxPoints: 4,
        method: 'computed',
        metric: 'dossiers_on_time',
      },
      self('3.2.2', 2),
      self('8', 5),
      self('8.1', 5),
    ]);
    expect(problems).toEqual([]);
    expect(criteria.map((c) => [c.code, c.level, c.parentCode])).toEqual([
      ['III', 'area', null],
      ['3.1', 'criterion', 'III'],
      ['3.2', 'criterion', 'III'],
      ['3.2.1', 'subCriterion', '3.2'],
      ['3.2.2', 'subCriterion', '3.2'],
      ['8', 'area', null],
      ['8.1', 'criterion', '8'],
    ]);
  });

  it('names the row of an orphan, a duplicate, a computed criterion without metric and an overfull parent', () => {
    const { problems } = buildCriteriaTree([
      self('I', 2),
      self('1.1', 2),
      self('1.2', 1),
      self('2.1', 1),
      self('1.1', 1),
      { code: '1.1.1', name: 'x', maxPoints: 1, method: 'computed' },
      self('A.1', 1),
    ]);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [4, 'code'],
      [5, 'code'],
      [6, 'metric'],
      [7, 'code'],
      [1, 'maxPoints'],
    ]);
  });
});
