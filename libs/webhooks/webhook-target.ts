import { LookupAddress, lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may send: only public unicast addresses, so a coordinator cannot make the
 * worker call Redis, MySQL, the cloud's metadata service or anything else inside the network.
 * Checked at registration and again when connecting, on the addresses the name resolves to
 * then (a name that resolved to a public address once may resolve to 127.0.0.1 later).
 */
export interface TargetPolicy {
  /** Loopback and private addresses allowed too (WEBHOOK_ALLOW_PRIVATE: tests, development). */
  allowPrivate: boolean;
  /** Only https (production). */
  requireHttps: boolean;
}

/** Why a target is refused, in a sentence fit for the API's 400 and the delivery log. */
export class BlockedTargetError extends Error {}

export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/** Loopback, private, link-local (169.254.169.254), multicast, unspecified, reserved... → false. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

function refusal(address: string): string {
  return `địa chỉ ${address} là địa chỉ nội bộ hoặc dành riêng; webhook chỉ được gọi tới địa chỉ công cộng`;
}

/** `[::1]` as URL.hostname writes it → `::1`. */
function unbracketed(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}

/** The URL names an address, not a host name. */
export function isAddressLiteral(hostname: string): boolean {
  return isIP(unbracketed(hostname)) !== 0;
}

/** Every address `hostname` stands for, each allowed by the policy; else BlockedTargetError. */
export async function resolveTarget(
  hostname: string,
  policy: TargetPolicy,
  resolve: Resolve = systemResolve,
): Promise<LookupAddress[]> {
  const bare = unbracketed(hostname);
  const addresses = isIP(bare) ? [{ address: bare, family: isIP(bare) }] : await resolve(bare);
  if (addresses.length === 0) throw new BlockedTargetError(`không phân giải được tên ${bare}`);
  if (!policy.allowPrivate) {
    const blocked = addresses.find(({ address }) => !isPublicAddress(address));
    if (blocked) throw new BlockedTargetError(refusal(blocked.address));
  }
  return addresses;
}

/** The URL's scheme and host allowed by the policy (registration); else BlockedTargetError. */
export async function checkTargetUrl(
  url: string,
  policy: TargetPolicy,
  resolve: Resolve = systemResolve,
): Promise<void> {
  const parsed = new URL(url);
  if (policy.requireHttps ? parsed.protocol !== 'https:' : !/^https?:$/.test(parsed.protocol)) {
    throw new BlockedTargetError(
      policy.requireHttps ? 'chỉ chấp nhận địa chỉ https' : 'chỉ chấp nhận địa chỉ http(s)',
    );
  }
  try {
    await resolveTarget(parsed.hostname, policy, resolve);
  } catch (error) {
    if (error instanceof BlockedTargetError) throw error;
    throw new BlockedTargetError(`không phân giải được tên ${parsed.hostname}`);
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http(s).request: the socket connects only to addresses this check has just
 * passed, which defeats DNS rebinding between the check and the connection.
 */
export function guardedLookup(policy: TargetPolicy, resolve: Resolve = systemResolve) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolveTarget(hostname, policy, resolve).then(
      (addresses) =>
        options.all
          ? callback(null, addresses)
          : callback(null, addresses[0].address, addresses[0].family),
      (error: Error) => callback(error, ''),
    );
  };
}
