import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { postWebhook } from './webhook-http';
import { checkTargetUrl, guardedLookup, isPublicAddress, Resolve } from './webhook-target';

const strict = { allowPrivate: false, requireHttps: false };
const fixed =
  (...answers: string[][]): Resolve =>
  async () =>
    (answers.shift() ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('webhook targets', () => {
  it('takes only public unicast addresses', () => {
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']) {
      expect(isPublicAddress(address)).toBe(true);
    }
    for (const address of [
      '127.0.0.1',
      '169.254.169.254',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '100.100.100.200',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd00:ec2::254',
      '::ffff:127.0.0.1',
      '64:ff9b::7f00:1',
      'not-an-address',
    ]) {
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
    }
  });

  it.each([
    'http://127.0.0.1:6379/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.8/hook',
    'http://[::1]:3000/hook',
    'http://localhost:3000/hook',
  ])('refuses %s at registration', async (url) => {
    await expect(checkTargetUrl(url, strict)).rejects.toThrow(/nội bộ hoặc dành riêng/);
  });

  it('refuses a name when any of its addresses is internal', async () => {
    const resolve = fixed(['93.184.216.34', '127.0.0.1']);
    await expect(checkTargetUrl('https://hooks.example.vn/', strict, resolve)).rejects.toThrow(
      'địa chỉ 127.0.0.1 là địa chỉ nội bộ',
    );
  });

  it('takes loopback targets only when private addresses are allowed, and https only in production', async () => {
    await expect(
      checkTargetUrl('http://127.0.0.1:3000/', { allowPrivate: true, requireHttps: false }),
    ).resolves.toBeUndefined();
    await expect(
      checkTargetUrl(
        'http://hooks.example.vn/',
        { ...strict, requireHttps: true },
        fixed(['93.184.216.34']),
      ),
    ).rejects.toThrow('chỉ chấp nhận địa chỉ https');
  });

  it('checks again when connecting, on the addresses the name has then (DNS rebinding)', async () => {
    const resolve = fixed(['93.184.216.34'], ['127.0.0.1']);
    await checkTargetUrl('https://hooks.example.vn/', strict, resolve);
    const lookup = guardedLookup(strict, resolve);
    const error = await new Promise<Error | null>((done) =>
      lookup('hooks.example.vn', { all: true }, (failure) => done(failure)),
    );
    expect(error?.message).toMatch('địa chỉ 127.0.0.1 là địa chỉ nội bộ');
  });
});

describe('postWebhook', () => {
  let server: Server;
  let port: number;
  let calls = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      calls += 1;
      request.resume();
      request.on('end', () => response.end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('delivers to a loopback receiver when private addresses are allowed', async () => {
    const result = await postWebhook(
      `http://127.0.0.1:${port}/hook`,
      '{}',
      {},
      {
        allowPrivate: true,
        requireHttps: false,
      },
    );
    expect(result).toEqual({ status: 200, reason: null });
  });

  it('does not connect to an internal address, named or literal, and says why in short', async () => {
    const before = calls;
    for (const url of [`http://127.0.0.1:${port}/hook`, `http://localhost:${port}/hook`]) {
      const result = await postWebhook(url, '{}', {}, strict);
      expect(result.status).toBeNull();
      expect(result.reason).toMatch(/^địa chỉ (127\.0\.0\.1|::1) là địa chỉ nội bộ/);
    }
    expect(calls).toBe(before);
  });

  it('logs a refused connection as a short reason, not the socket error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await postWebhook(
      `http://127.0.0.1:${closedPort}/`,
      '{}',
      {},
      {
        allowPrivate: true,
        requireHttps: false,
      },
    );
    expect(result).toEqual({ status: null, reason: 'kết nối bị từ chối' });
  });
});
