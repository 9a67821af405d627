/**
 * A sliding-window limiter: at most `limit` events per key in any `windowMs`. Pure and clock-injected
 * so it is tested without waiting; the server keeps one per process (limits are per instance).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an event for `key`; returns 0 when allowed, else the milliseconds until it would be. */
  take(key: string): number {
    const t = this.now();
    const since = t - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((h) => h > since);
    if (list.length >= this.limit) {
      this.hits.set(key, list);
      return list[0]! + this.windowMs - t;
    }
    list.push(t);
    this.hits.set(key, list);
    if (this.hits.size > 10_000) this.prune(since);
    return 0;
  }

  private prune(since: number) {
    for (const [k, list] of this.hits) if (!list.some((h) => h > since)) this.hits.delete(k);
  }
}
