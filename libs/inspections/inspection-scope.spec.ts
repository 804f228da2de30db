import { inspectionScope, visibleVisitSql, visitVisible } from './inspection-scope';

describe('inspection scope', () => {
  const unitA = { role: 'unit_head' as const, unitId: 'unit-A' };

  it('gives the ward to leadership, coordinator and inspectors, a unit to its staff, nothing to others', () => {
    expect(inspectionScope({ role: 'inspector', unitId: null })).toEqual({ kind: 'ward' });
    expect(inspectionScope({ role: 'chairman', unitId: null })).toEqual({ kind: 'ward' });
    expect(inspectionScope(unitA)).toEqual({ kind: 'unit', unitId: 'unit-A' });
    expect(inspectionScope({ role: 'officer', unitId: null })).toEqual({ kind: 'none' });
    expect(inspectionScope({ role: 'system_admin', unitId: null })).toEqual({ kind: 'none' });
  });

  it('hides an unannounced visit from its unit until it starts, and other units always', () => {
    const scope = inspectionScope(unitA);
    const visit = { unitId: 'unit-A', unannounced: true, state: 'scheduled' };
    expect(visitVisible(scope, visit)).toBe(false);
    expect(visitVisible(scope, { ...visit, state: 'inProgress' })).toBe(true);
    expect(visitVisible(scope, { ...visit, unannounced: false })).toBe(true);
    expect(visitVisible(scope, { ...visit, unitId: 'unit-B', state: 'done' })).toBe(false);
    expect(visitVisible({ kind: 'ward' }, visit)).toBe(true);
    expect(visitVisible({ kind: 'none' }, { ...visit, unannounced: false })).toBe(false);
  });

  it('writes the same rule as SQL', () => {
    expect(visibleVisitSql({ kind: 'none' }, 'v')).toEqual(['FALSE', []]);
    expect(visibleVisitSql(inspectionScope(unitA), 'v')).toEqual([
      "(v.unit_id = ? AND (v.unannounced = 0 OR v.state <> 'scheduled'))",
      ['unit-A'],
    ]);
  });
});
