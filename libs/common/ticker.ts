/**
 * Runs a piece of work every so often, never twice at once: a tick while one runs gets the
 * running one's promise. A failure is handed to `onError` and counts as 0, so the loop goes on.
 */
export class Ticker {
  private running: Promise<number> | null = null;
  private interval: NodeJS.Timeout | null = null;

  constructor(
    private readonly work: () => Promise<number>,
    private readonly onError: (error: unknown) => void,
  ) {}

  tick(): Promise<number> {
    this.running ??= this.work()
      .catch((error: unknown) => {
        this.onError(error);
        return 0;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  start(everyMs: number): void {
    this.interval ??= setInterval(() => void this.tick(), everyMs);
  }

  /** Stops the loop and waits for the tick in progress (at shutdown). */
  async stop(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    await this.running;
  }
}
