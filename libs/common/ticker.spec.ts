import { Ticker } from './ticker';

describe('Ticker', () => {
  it('shares a tick in progress instead of starting a second one', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const ticker = new Ticker(
      () =>
        new Promise<number>((resolve) => {
          runs += 1;
          release = () => resolve(runs);
        }),
      () => undefined,
    );
    const first = ticker.tick();
    const second = ticker.tick();
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(1);
    const third = ticker.tick();
    release();
    expect(await third).toBe(2);
  });

  it('reports a failure, counts it as 0 and ticks again afterwards', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const ticker = new Ticker(
      async () => {
        if (fail) throw new Error('MySQL went away');
        return 7;
      },
      (error) => errors.push(error),
    );
    expect(await ticker.tick()).toBe(0);
    expect(String(errors[0])).toContain('MySQL went away');
    fail = false;
    expect(await ticker.tick()).toBe(7);
    await ticker.stop();
  });
});
