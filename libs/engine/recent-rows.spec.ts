import { InstanceRow } from './group-read';
import { RecentRows } from './recent-rows';

function row(id: string, version: number): InstanceRow {
  return {
    id,
    snapshot: '{}',
    version,
    machine_version: 1,
    audit_hash: 'h',
    audit_ward_id: null,
  };
}

describe('RecentRows', () => {
  it('gives a row only at the version asked for', () => {
    const recent = new RecentRows(10);
    recent.set('t', row('a', 3));
    expect(recent.get('t', 'a', 3)).toEqual(row('a', 3));
    expect(recent.get('t', 'a', 2)).toBeUndefined();
    expect(recent.get('t', 'a', 4)).toBeUndefined();
    expect(recent.get('u', 'a', 3)).toBeUndefined();
  });

  it('forgets a row, and the least recently written beyond its capacity', () => {
    const recent = new RecentRows(2);
    recent.set('t', row('a', 1));
    recent.set('t', row('b', 1));
    recent.set('t', row('a', 2));
    recent.set('t', row('c', 1));
    expect(recent.get('t', 'b', 1)).toBeUndefined();
    expect(recent.get('t', 'a', 2)).toBeDefined();
    expect(recent.get('t', 'c', 1)).toBeDefined();
    recent.forget('t', 'a');
    expect(recent.get('t', 'a', 2)).toBeUndefined();
  });
});
