// Per-account throttling, as CJ enforces it: a QPS limit counted per account across all callers
// (cj-api.md §5, §9.2), measured on real monotonic time — a sliding 1000 ms window over the
// requests that were accepted. Rejected requests do not count, so a client that backs off and
// retries is not punished twice.

export class QpsLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(private readonly monotonic: () => number = () => performance.now()) {}

  /** Accepts the request (returns the acceptance time) or returns undefined when over the limit. */
  tryAcquire(openId: string, qps: number): number | undefined {
    const now = this.monotonic();
    const window = (this.windows.get(openId) ?? []).filter((t) => t > now - 1000);
    if (window.length >= qps) {
      this.windows.set(openId, window);
      return undefined;
    }
    window.push(now);
    this.windows.set(openId, window);
    return now;
  }
}

/**
 * Optional daily quota per account and endpoint (1600201 "Quota has been used up"), counted per
 * simulated UTC day — CJ's "1,000 calls/day per interface" for unverified users.
 */
export class DailyQuota {
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit: number | null) {}

  get enabled(): boolean {
    return this.limit !== null;
  }

  get perDay(): number | null {
    return this.limit;
  }

  /** True when the call is within the quota (and counts it). */
  take(openId: string, path: string, simNow: number): boolean {
    if (this.limit === null) return true;
    const key = `${openId}|${path}|${Math.floor(simNow / 86_400_000)}`;
    const used = this.counts.get(key) ?? 0;
    if (used >= this.limit) return false;
    this.counts.set(key, used + 1);
    return true;
  }
}
