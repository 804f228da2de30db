import { createHmac } from 'node:crypto';
import { signBody, verifySignature } from './webhook-signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ type: 'task.overdue', data: { title: 'Rà soát thủ tục' } });

  it('is the hex HMAC-SHA256 of the UTF-8 body under the secret', () => {
    const hex = createHmac('sha256', 'bí mật').update(Buffer.from(body, 'utf8')).digest('hex');
    expect(signBody('bí mật', body)).toBe(`sha256=${hex}`);
  });

  it('verifies the signature it made and refuses another secret, a changed body or none', () => {
    const signature = signBody('s3cret', body);
    expect(verifySignature('s3cret', body, signature)).toBe(true);
    expect(verifySignature('other', body, signature)).toBe(false);
    expect(verifySignature('s3cret', `${body} `, signature)).toBe(false);
    expect(verifySignature('s3cret', body, undefined)).toBe(false);
  });
});
