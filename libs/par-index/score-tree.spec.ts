import { buildCriteriaTree } from './criteria-tree';
import type { DossierFigures } from '@cchc/dossiers';
import { criterionRates, percentOf, scoreTree } from './score-tree';

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

  describe('criterionRates', () => {
    const figures = (overrides: Partial<DossierFigures>): DossierFigures => ({
      received: 40,
      returnedEarly: 10,
      returnedOnTime: 20,
      returnedLate: 0,
      pending: 10,
      openOverdue: 0,
      pendingInTime: 10,
      onTimeRate: 1,
      overdue: 0,
      overdueSlipBeforeAppointment: 0,
      overdueSlipAfterAppointment: 0,
      overdueWithoutSlip: 0,
      overdueWithIssuedSlip: 0,
      apologyCoverage: null,
      ...overrides,
    });
    const { criteria: results } = buildCriteriaTree([
      { code: 'III', name: 'Cải cách TTHC', maxPoints: 3, method: 'self' },
      { code: '3.2', name: 'Kết quả', maxPoints: 3, method: 'self' },
      {
        code: '3.2.1',
        name: 'Đúng hạn',
        maxPoints: 2,
        method: 'computed',
        metric: 'dossiers_on_time',
      },
      {
        code: '3.2.2',
        name: 'Xin lỗi',
        maxPoints: 1,
        method: 'computed',
        metric: 'apology_coverage',
      },
    ]);

    it('gives a year without an overdue dossier the apology criterion in full: no slip was owed', () => {
      const points = scoreTree(results, new Map(), criterionRates(figures({})));
      expect(points.get('3.2.2')).toEqual({ points: 1, acceptedPoints: 1 });
      expect(points.get('3.2')).toEqual({ points: 3, acceptedPoints: 3 });
    });

    it('scores the slips issued for the overdue ones, and no on-time rate without a return', () => {
      const late = figures({
        returnedEarly: 0,
        returnedOnTime: 0,
        onTimeRate: null,
        overdue: 4,
        overdueSlipBeforeAppointment: 3,
        overdueWithoutSlip: 1,
        overdueWithIssuedSlip: 3,
        apologyCoverage: 0.75,
      });
      expect([...criterionRates(late)]).toEqual([
        ['dossiers_on_time', null],
        ['apology_coverage', 0.75],
      ]);
      const points = scoreTree(results, new Map(), criterionRates(late));
      expect(points.get('3.2.2')).toEqual({ points: 0.75, acceptedPoints: 0.75 });
      expect(points.get('3.2.1')).toEqual({ points: null, acceptedPoints: null });
    });
  });
});
