import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const storage = new AsyncLocalStorage<{ requestId: string; memo: Map<string, unknown> }>();
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The id of the request being served, wherever the code runs on its behalf, so that the logs
 * and the jobs it causes (outbox payloads) carry it without passing it through every call.
 */
export const RequestContext = {
  run<T>(requestId: string, work: () => T): T {
    return storage.run({ requestId, memo: new Map() }, work);
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
  /**
   * Within one request, the first `read()` for `key` answers every later call (a row several
   * parts of one answer need is read once); outside a request, `read()` each time. Only for
   * reads the request itself does not change.
   */
  memo<T>(key: string, read: () => Promise<T>): Promise<T> {
    const memo = storage.getStore()?.memo;
    if (!memo) return read();
    let value = memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = read();
      memo.set(key, value);
    }
    return value;
  },
};

/** The caller's X-Request-Id when it is a sane token, else a new one. */
export function requestIdOf(header: unknown): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}
