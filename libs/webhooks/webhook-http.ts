import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  BlockedTargetError,
  guardedLookup,
  isAddressLiteral,
  resolveTarget,
  TargetPolicy,
} from './webhook-target';

const TIMEOUT_MS = 10_000;

export type PostResult = { status: number; reason: null } | { status: null; reason: string };

/**
 * POSTs a delivery: no redirects followed, 10 s at most, only to addresses the policy allows
 * (checked on the resolved addresses the socket then uses). A failure comes back as a short
 * reason for the delivery log, never the socket's own message (addresses, internals).
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  policy: TargetPolicy,
): Promise<PostResult> {
  try {
    const target = new URL(url);
    if (policy.requireHttps && target.protocol !== 'https:') {
      throw new BlockedTargetError('chỉ chấp nhận địa chỉ https');
    }
    // An address literal never reaches `lookup`; check it here.
    if (isAddressLiteral(target.hostname)) await resolveTarget(target.hostname, policy);
    const status = await send(target, body, headers, policy);
    return { status, reason: null };
  } catch (error) {
    return { status: null, reason: shortReason(error) };
  }
}

function send(
  target: URL,
  body: string,
  headers: Record<string, string>,
  policy: TargetPolicy,
): Promise<number> {
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(policy) as never,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const REASONS: Record<string, string> = {
  ENOTFOUND: 'không phân giải được tên miền',
  EAI_AGAIN: 'không phân giải được tên miền',
  ECONNREFUSED: 'kết nối bị từ chối',
  ECONNRESET: 'kết nối bị ngắt',
  EHOSTUNREACH: 'không tới được máy đích',
  ENETUNREACH: 'không tới được máy đích',
  ABORT_ERR: `quá ${TIMEOUT_MS / 1000} giây không trả lời`,
  ETIMEDOUT: `quá ${TIMEOUT_MS / 1000} giây không trả lời`,
};

function shortReason(error: unknown): string {
  if (error instanceof BlockedTargetError) return error.message;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (REASONS[code]) return REASONS[code];
  if (/CERT|SSL|TLS/i.test(code)) return 'chứng chỉ TLS của máy đích không hợp lệ';
  if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
    return REASONS.ABORT_ERR;
  }
  return 'lỗi mạng khi gửi';
}
