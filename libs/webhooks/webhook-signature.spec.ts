import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { signDelivery, standardSecret, verifyDelivery } from './webhook-signature';

describe('webhook signatures (Standard Webhooks)', () => {
  const body = JSON.stringify({ type: 'task.overdue', data: { title: 'Rà soát thủ tục' } });
  const now = () => new Date(Math.floor(Date.now() / 1000) * 1000);

  it('signs "<id>.<timestamp>.<body>" with HMAC-SHA256 under the UTF-8 bytes of the secret', () => {
    const sentAt = now();
    const headers = signDelivery('bí mật của hệ thống', '42', sentAt, body);
    const seconds = sentAt.getTime() / 1000;
    const expected = createHmac('sha256', Buffer.from('bí mật của hệ thống', 'utf8'))
      .update(`42.${seconds}.${body}`)
      .digest('base64');
    expect(headers).toEqual({
      'webhook-id': '42',
      'webhook-timestamp': String(seconds),
      'webhook-signature': `v1,${expected}`,
    });
  });

  it("is what the standard's own library verifies, with the secret in its whsec_ form", () => {
    const headers = signDelivery('s3cret-of-sixteen', '7', now(), body);
    expect(() =>
      new Webhook(standardSecret('s3cret-of-sixteen')).verify(body, { ...headers }),
    ).not.toThrow();
    expect(standardSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    );
  });

  it('refuses another secret, a changed body, an old timestamp (a replay) or missing headers', () => {
    const headers = signDelivery('s3cret-of-sixteen', '7', now(), body);
    expect(verifyDelivery('s3cret-of-sixteen', body, { ...headers })).toBe(true);
    expect(verifyDelivery('another-secret-16', body, { ...headers })).toBe(false);
    expect(verifyDelivery('s3cret-of-sixteen', `${body} `, { ...headers })).toBe(false);
    const old = signDelivery('s3cret-of-sixteen', '7', new Date(Date.now() - 3_600_000), body);
    expect(verifyDelivery('s3cret-of-sixteen', body, { ...old })).toBe(false);
    expect(verifyDelivery('s3cret-of-sixteen', body, { 'webhook-id': '7' })).toBe(false);
  });
});
