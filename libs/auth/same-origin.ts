import type { IncomingHttpHeaders } from 'node:http';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * A state-changing request that a page of another site made the browser send (CSRF, including
 * login CSRF), told by the headers browsers set: Sec-Fetch-Site, else Origin against Host.
 * API clients send neither and are never refused here.
 */
export function isCrossSiteWrite(request: {
  method: string;
  headers: IncomingHttpHeaders;
}): boolean {
  if (SAFE_METHODS.includes(request.method)) return false;
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}
