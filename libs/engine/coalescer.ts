interface Pending<TIn, TOut> {
  item: TIn;
  resolve(value: TOut): void;
  reject(error: unknown): void;
}

/**
 * Turns many concurrent single requests into few batched ones: items submitted while a batch is in
 * flight wait and go together in the next one. One batch in flight at a time, at most `maxBatch`
 * items each; `run` returns one result per item, in order.
 */
export class Coalescer<TIn, TOut> {
  private readonly queue: Pending<TIn, TOut>[] = [];
  private flushing = false;

  constructor(
    private readonly run: (items: TIn[]) => Promise<TOut[]>,
    private readonly maxBatch = 64,
  ) {}

  submit(item: TIn): Promise<TOut> {
    return new Promise<TOut>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.run(batch.map((pending) => pending.item));
        batch.forEach((pending, i) => pending.resolve(results[i]));
      } catch (error) {
        batch.forEach((pending) => pending.reject(error));
      }
    }
    this.flushing = false;
  }
}
