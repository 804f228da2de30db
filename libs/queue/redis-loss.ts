import { Queue } from 'bullmq';

/**
 * Whether Redis has lost its keys (flushed, or restarted without persistence) since a process
 * that rebuilds it from MySQL last asked. The answer is a marker key next to the queues' keys,
 * under the same prefix (hash-tagged on a cluster, so on the same node): it disappears exactly
 * when they do. Asking writes it again, so one loss is reported once, to one asker of that name;
 * a fresh Redis reports a loss, which costs nothing there. The loss of a Redis restored from an
 * older snapshot keeps the marker: the slower checks (the relay's redelivery window, the
 * feeder's sweep) cover that one.
 */
export async function redisLostKeys(queue: Queue, marker: string): Promise<boolean> {
  const client = await queue.client;
  const key = `${queue.opts.prefix ?? 'bull'}:loss-marker:${marker}`;
  // HSET counts the fields it added: one only when the marker was missing (atomic, like SET NX).
  return (await client.hset(key, { present: 1 })) === 1;
}
