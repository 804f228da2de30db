import { requestToken, SESSION_COOKIE } from './request-token';

describe('requestToken', () => {
  const withHeaders = (headers: Record<string, string>) => requestToken({ headers });

  it('takes the Bearer header first, else the session cookie, percent-decoded', () => {
    expect(withHeaders({ authorization: 'Bearer abc', cookie: `${SESSION_COOKIE}=xyz` })).toBe(
      'abc',
    );
    expect(withHeaders({ cookie: `theme=dark; ${SESSION_COOKIE}=a%2Eb=c` })).toBe('a.b=c');
    expect(withHeaders({ authorization: 'Basic abc' })).toBeUndefined();
  });

  it('finds no token in a session cookie whose percent-escapes are broken', () => {
    expect(withHeaders({ cookie: `${SESSION_COOKIE}=%E0%A4%A` })).toBeUndefined();
    expect(withHeaders({ cookie: `${SESSION_COOKIE}=%` })).toBeUndefined();
  });
});
