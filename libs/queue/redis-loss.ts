import { Queue } from 'bullmq';

/*
 * Whether Redis has lost its keys (flushed, or restarted without persistence) since a process
 * that rebuilds it from MySQL last did so. The answer is a marker next to the queues' keys, under
 * the same prefix (hash-tagged on a cluster, so on the same node): it disappears exactly when they
 * do. It is set again only once the rebuild is done, so a rebuild that fails, or a process that
 * dies before it is done, leaves the loss for the next attempt. The loss of a Redis restored from
 * an older snapshot keeps the marker: the slower checks (the relay's redelivery window, the
 * feeder's sweep) cover that one.
 */

const markerKey = (queue: Queue, marker: string) =>
  `${queue.opts.prefix ?? 'bull'}:loss-marker:${marker}`;

/** True when the marker is missing: Redis lost its keys (or never had them) since the last rebuild. */
export async function redisLostKeys(queue: Queue, marker: string): Promise<boolean> {
  return (await (await queue.client).hexists(markerKey(queue, marker), 'rebuilt')) === 0;
}

/** Sets the marker, once what Redis lost has been rebuilt from MySQL. */
export async function markRedisRebuilt(queue: Queue, marker: string): Promise<void> {
  await (await queue.client).hset(markerKey(queue, marker), { rebuilt: 1 });
}
