import { RefreshingCache } from './refreshing-cache';

describe('RefreshingCache', () => {
  afterEach(() => jest.useRealTimers());

  it('shares one read between concurrent callers and keeps it until it is too old', async () => {
    jest.useFakeTimers({ now: 0 });
    let reads = 0;
    const cache = new RefreshingCache(1000, async (key: string) => `${key}${++reads}`);
    expect(await Promise.all([cache.get('a'), cache.get('a')])).toEqual(['a1', 'a1']);
    jest.setSystemTime(999);
    expect(await cache.get('a')).toBe('a1');
    expect(await cache.get('b')).toBe('b2');
    jest.setSystemTime(1000);
    expect(await cache.get('a')).toBe('a3');
  });

  it('reads again after forget, and after a failed read', async () => {
    let reads = 0;
    const cache = new RefreshingCache(60_000, async () => {
      reads++;
      if (reads === 2) throw new Error('lost connection');
      return reads;
    });
    expect(await cache.get('k')).toBe(1);
    cache.forget('k');
    await expect(cache.get('k')).rejects.toThrow('lost connection');
    expect(await cache.get('k')).toBe(3);
  });
});
