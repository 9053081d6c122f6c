import { ExponentialBackoff, type IBackoff, halfJitterGenerator } from 'cockatiel';

export interface RetrySettings {
  /** Total attempts per call, the first one included (default 4). */
  maxAttempts: number;
  /** First back-off delay (default 500 ms). */
  baseDelayMs: number;
  /** Cap on any back-off delay (default 10 000 ms). */
  maxDelayMs: number;
}

/**
 * Exponential back-off with jitter: the n-th delay is drawn from [c/2, c) where
 * c = min(maxDelayMs, base·2ⁿ) — cockatiel's half-jitter generator. (Its default, decorrelated
 * jitter, can return ~0 ms, which is no back-off at all.)
 *
 * The retry loop itself lives in the executor rather than in cockatiel's RetryPolicy because the
 * delay must run on the injectable Clock and stop at once when the caller's signal aborts.
 */
export function backoffSequence(settings: RetrySettings): () => number {
  const factory = new ExponentialBackoff({ generator: halfJitterGenerator, initialDelay: settings.baseDelayMs, maxDelay: settings.maxDelayMs });
  let current: IBackoff<unknown> | undefined;
  return () => {
    current = current ? current.next(undefined) : factory.next();
    return current.duration;
  };
}
