import { ROLES } from '@cchc/domain';
import { mayOpen } from './access';

describe('who may open which screen', () => {
  it('opens Quản trị to the ward admin only', () => {
    expect(ROLES.filter((role) => mayOpen(role, 'admin'))).toEqual(['admin']);
    expect(mayOpen('coordinator', 'admin')).toBe(false);
    expect(mayOpen('system_admin', 'admin')).toBe(false);
  });

  it('opens Nhật ký to the inspector and the chairman', () => {
    expect(ROLES.filter((role) => mayOpen(role, 'audit')).sort()).toEqual([
      'chairman',
      'inspector',
    ]);
  });

  it('gives the province officer the ranking and nothing of a ward', () => {
    expect(mayOpen('province_officer', 'ranking')).toBe(true);
    expect(mayOpen('province_officer', 'inbox')).toBe(false);
    expect(mayOpen('province_officer', 'dossiers')).toBe(false);
    expect(mayOpen('coordinator', 'ranking')).toBe(false);
  });

  it('opens the ward screens to every ward role, and plan import to who imports plans', () => {
    for (const role of ROLES.filter((role) => role !== 'province_officer'))
      expect([role, mayOpen(role, 'tasks'), mayOpen(role, 'dossiers')]).toEqual([role, true, true]);
    expect(mayOpen('coordinator', 'planImport')).toBe(true);
    expect(mayOpen('officer', 'planImport')).toBe(false);
    expect(mayOpen('one_stop_officer', 'par')).toBe(false);
    expect(mayOpen('officer', 'par')).toBe(true);
  });
});
