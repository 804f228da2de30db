interface Pending<TIn, TOut> {
  item: TIn;
  resolve(value: TOut): void;
  reject(error: unknown): void;
}

/**
 * Turns many concurrent single requests into few batched ones: items submitted while a batch is in
 * flight wait and go together in the next one. At most `maxInFlight` batches at a time, at most
 * `maxBatch` items each; `run` returns one result per item, in order.
 */
export class Coalescer<TIn, TOut> {
  private readonly queue: Pending<TIn, TOut>[] = [];
  private inFlight = 0;

  constructor(
    private readonly run: (items: TIn[]) => Promise<TOut[]>,
    private readonly maxBatch = 64,
    private readonly maxInFlight = 1,
  ) {}

  submit(item: TIn): Promise<TOut> {
    return new Promise<TOut>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.inFlight < this.maxInFlight) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.inFlight++;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.run(batch.map((pending) => pending.item));
        batch.forEach((pending, i) => pending.resolve(results[i]));
      } catch (error) {
        batch.forEach((pending) => pending.reject(error));
      }
    }
    this.inFlight--;
  }
}
