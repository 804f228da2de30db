import { Webhook } from 'standardwebhooks';

/**
 * Deliveries are signed the Standard Webhooks way (https://www.standardwebhooks.com):
 * `webhook-id` (the delivery id, the same on every retry), `webhook-timestamp` (Unix seconds)
 * and `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`. A receiver
 * refuses an old timestamp, so a captured delivery cannot be replayed later.
 *
 * The key is the secret given at registration: `whsec_<base64>` as the standard writes it, or
 * any other text, whose UTF-8 bytes are the key.
 */
export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

const PREFIX = 'whsec_';

/** The secret in the `whsec_` form the standard's libraries take. */
export function standardSecret(secret: string): string {
  return secret.startsWith(PREFIX)
    ? secret
    : PREFIX + Buffer.from(secret, 'utf8').toString('base64');
}

export function signDelivery(
  secret: string,
  deliveryId: string,
  sentAt: Date,
  body: string,
): SignedHeaders {
  const signature = new Webhook(standardSecret(secret)).sign(deliveryId, sentAt, body);
  return {
    'webhook-id': deliveryId,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': signature,
  };
}

/**
 * What a receiver does: check the signature of the raw body and that the timestamp is within
 * five minutes of its own clock. Returns false rather than throwing.
 */
export function verifyDelivery(
  secret: string,
  body: string,
  headers: Record<string, string | string[] | undefined>,
): boolean {
  const wanted = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;
  const values = wanted.map((name) => headers[name]);
  if (!values.every((value): value is string => typeof value === 'string')) return false;
  try {
    new Webhook(standardSecret(secret)).verify(
      body,
      Object.fromEntries(wanted.map((name, index) => [name, values[index]])),
    );
    return true;
  } catch {
    return false;
  }
}
