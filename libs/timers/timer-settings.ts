/** How the worker moves timers from MySQL into BullMQ; read once from the environment. */
export interface TimerSettings {
  /** How often the feeder looks for timers entering the window, in ms. */
  feedEveryMs: number;
  /** Only timers due within this many ms are queued in Redis, as delayed jobs. */
  windowMs: number;
  /** How often the whole window is re-queued (and at start), which refills a flushed Redis. */
  sweepEveryMs: number;
  /** At most this many timer jobs in Redis at once (about 1 KB each). */
  maxQueued: number;
  /** Timers fired at the same time by one worker. */
  concurrency: number;
}

export function timerSettings(env: NodeJS.ProcessEnv = process.env): TimerSettings {
  return {
    feedEveryMs: Number(env.TIMER_FEED_MS ?? 1000),
    windowMs: Number(env.TIMER_WINDOW_MS ?? 30_000),
    sweepEveryMs: Number(env.TIMER_SWEEP_MS ?? 30_000),
    maxQueued: Number(env.TIMER_MAX_QUEUED ?? 20_000),
    concurrency: Number(env.TIMER_CONCURRENCY ?? 16),
  };
}

export const TIMER_SETTINGS = Symbol('TIMER_SETTINGS');
