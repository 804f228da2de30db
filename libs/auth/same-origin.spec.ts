import { isCrossSiteWrite } from './same-origin';

describe('isCrossSiteWrite', () => {
  const request = (method: string, headers: Record<string, string>) => ({
    method,
    headers: { host: 'cchc.phuong.gov.vn', ...headers },
  });

  it('refuses writes another site started, by Sec-Fetch-Site or else by Origin', () => {
    expect(isCrossSiteWrite(request('POST', { 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossSiteWrite(request('POST', { 'sec-fetch-site': 'same-site' }))).toBe(true);
    expect(isCrossSiteWrite(request('PUT', { origin: 'https://evil.example' }))).toBe(true);
    expect(isCrossSiteWrite(request('POST', { origin: 'null' }))).toBe(true);
  });

  it('lets the console, API clients and every read through', () => {
    expect(isCrossSiteWrite(request('POST', { 'sec-fetch-site': 'same-origin' }))).toBe(false);
    expect(isCrossSiteWrite(request('POST', { origin: 'https://cchc.phuong.gov.vn' }))).toBe(false);
    expect(isCrossSiteWrite(request('POST', {}))).toBe(false);
    expect(isCrossSiteWrite(request('GET', { 'sec-fetch-site': 'cross-site' }))).toBe(false);
  });
});
