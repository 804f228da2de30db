import type { IncomingHttpHeaders } from 'node:http';

/**
 * The web console's session: the access token in an HttpOnly, SameSite=Strict cookie, so the
 * page's scripts never hold it. API clients send `Authorization: Bearer` instead.
 */
export const SESSION_COOKIE = 'cchc_session';

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

/** The access token a request carries: its Bearer header, else the console's session cookie. */
export function requestToken(request: { headers: IncomingHttpHeaders }): string | undefined {
  return bearerToken(request.headers) ?? cookieValue(request.headers.cookie, SESSION_COOKIE);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return percentDecoded(value.join('='));
  }
  return undefined;
}

/** A cookie value's percent-escapes decoded; a broken one (`%E0%A4%A`) is no token, not a 500. */
function percentDecoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
