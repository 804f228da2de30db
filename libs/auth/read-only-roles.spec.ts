import { refusesWardWrite } from './read-only-roles';

describe('refusesWardWrite', () => {
  it('refuses every write of the province officer but those on its own account', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post'])
      expect(refusesWardWrite('province_officer', method, false)).toBe(true);
    expect(refusesWardWrite('province_officer', 'GET', false)).toBe(false);
    expect(refusesWardWrite('province_officer', 'HEAD', false)).toBe(false);
    expect(refusesWardWrite('province_officer', 'POST', true)).toBe(false);
  });

  it('leaves the other roles to @Roles and the workflows', () => {
    expect(refusesWardWrite('coordinator', 'POST', false)).toBe(false);
    expect(refusesWardWrite('inspector', 'DELETE', false)).toBe(false);
  });
});
