import { buildCriteriaTree } from './criteria-tree';
import { percentOf, scoreTree } from './score-tree';

describe('scoreTree', () => {
  const { criteria } = buildCriteriaTree([
    { code: 'III', name: 'Cải cách TTHC', maxPoints: 10, method: 'self' },
    { code: '3.1', name: 'Công khai', maxPoints: 4, method: 'self' },
    { code: '3.2', name: 'Kết quả', maxPoints: 6, method: 'self' },
    {
      code: '3.2.1',
      name: 'Đúng hạn',
      maxPoints: 4,
      method: 'computed',
      metric: 'dossiers_on_time',
    },
    { code: '3.2.2', name: 'Xin lỗi', maxPoints: 2, method: 'self' },
    { code: 'IV', name: 'Tổ chức bộ máy', maxPoints: 3, method: 'self' },
  ]);

  it('sums leaves into parents; returned scores count as none, only accepted ones as accepted', () => {
    const points = scoreTree(
      criteria,
      new Map([
        ['3.1', { score: 3.5, status: 'accepted' as const }],
        ['3.2.2', { score: 2, status: 'submitted' as const }],
        ['IV', { score: 3, status: 'returned' as const }],
      ]),
      new Map([['dossiers_on_time', 0.875]]),
    );
    expect(points.get('3.2.1')).toEqual({ points: 3.5, acceptedPoints: 3.5 });
    expect(points.get('3.2')).toEqual({ points: 5.5, acceptedPoints: 3.5 });
    expect(points.get('III')).toEqual({ points: 9, acceptedPoints: 7 });
    expect(points.get('IV')).toEqual({ points: null, acceptedPoints: null });
    expect(percentOf(9, 10)).toBe(90);
    expect(percentOf(null, 10)).toBeNull();
  });

  it('scores a survey criterion as its maximum × the surveyed rate, rounded as computed ones', () => {
    const { criteria: surveyed } = buildCriteriaTree([
      { code: 'VIII', name: 'Tác động của CCHC', maxPoints: 3, method: 'self' },
      { code: '8.1', name: 'Hài lòng (SIPAS)', maxPoints: 3, method: 'survey' },
    ]);
    const entered = new Map([
      ['8.1', { score: 0, status: 'accepted' as const, surveyRate: 87.55 }],
    ]);
    expect(scoreTree(surveyed, entered, new Map()).get('VIII')).toEqual({
      points: 2.63,
      acceptedPoints: 2.63,
    });
    expect(scoreTree(surveyed, new Map(), new Map()).get('8.1')).toEqual({
      points: null,
      acceptedPoints: null,
    });
  });

  it('leaves a computed criterion without points while its metric has no rate', () => {
    const points = scoreTree(criteria, new Map(), new Map([['dossiers_on_time', null]]));
    expect(points.get('3.2.1')).toEqual({ points: null, acceptedPoints: null });
    expect(points.get('III')).toEqual({ points: null, acceptedPoints: null });
  });
});
