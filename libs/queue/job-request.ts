import { Job } from 'bullmq';
import { RequestContext } from '@cchc/common';

/** The id of the request that caused a job (carried in its outbox payload), if any. */
export function requestIdOfJob(job: Job): string | undefined {
  const requestId = (job.data as { requestId?: unknown } | undefined)?.requestId;
  return typeof requestId === 'string' ? requestId : undefined;
}

/**
 * Runs an outbox job on behalf of the request that caused it, so that the jobs it causes in turn
 * carry the same id and one request can be followed to its last effect.
 */
export function onBehalfOfRequest<T>(job: Job, work: () => T): T {
  const requestId = requestIdOfJob(job);
  return requestId ? RequestContext.run(requestId, work) : work();
}
