/**
 * Values read from the database that change rarely and may be changed by another process (the
 * working calendar, a ward's escalation policy): each key is read again at most every `maxAgeMs`,
 * and concurrent misses share one read. The process that changes a value forgets it at once.
 * Ages are measured on the real clock, not the injectable one: a test that stops time must
 * still see another process's change.
 */
export class RefreshingCache<K, V> {
  private readonly entries = new Map<K, { value: Promise<V>; readAt: number }>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly read: (key: K) => Promise<V>,
  ) {}

  get(key: K): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && Date.now() - entry.readAt < this.maxAgeMs) return entry.value;
    const value = this.read(key);
    this.entries.set(key, { value, readAt: Date.now() });
    // A failed read is not kept: the next caller tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  forget(key: K): void {
    this.entries.delete(key);
  }
}
