/**
 * The per-client rate limit: a token bucket per client key (`rate` requests per minute, bursts
 * up to `rate`). Memory is bounded: past 10,000 clients the least recently seen go first, which
 * costs nothing, since a full bucket is the same as none.
 */
export function rateLimiter(rate: number | undefined, now: () => number): (key: string) => number {
  const buckets = new Map<string, {tokens: number; at: number}>();
  /** Seconds to wait when `key` is over the limit, else 0 (and a token is taken). */
  return (key) => {
    if (!rate) return 0;
    const t = now();
    const perMs = rate / 60_000;
    const bucket = buckets.get(key) ?? {tokens: rate, at: t};
    buckets.delete(key);
    bucket.tokens = Math.min(rate, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    buckets.set(key, bucket);
    if (buckets.size > 10_000) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  };
}
