import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const storage = new AsyncLocalStorage<{ requestId: string }>();
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The id of the request being served, wherever the code runs on its behalf, so that the logs
 * and the jobs it causes (outbox payloads) carry it without passing it through every call.
 */
export const RequestContext = {
  run<T>(requestId: string, work: () => T): T {
    return storage.run({ requestId }, work);
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
};

/** The caller's X-Request-Id when it is a sane token, else a new one. */
export function requestIdOf(header: unknown): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}
