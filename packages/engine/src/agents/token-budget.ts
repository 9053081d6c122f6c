// Per-token budgets: each agent token may make `max` tool calls per `window` (a sliding log of call
// times, in memory per process — the store's own CJ QPS stays the real limit on CJ).
import type { Clock } from '../clock.js';

export class TokenBudget {
  private readonly calls = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Takes one call from the token's budget; false (nothing taken) when it is spent, with when to retry. */
  take(token: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.clock.now();
    const recent = (this.calls.get(token) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.max) {
      this.calls.set(token, recent);
      return { ok: false, retryAfterMs: Math.max(1, recent[0]! + this.windowMs - now) };
    }
    recent.push(now);
    this.calls.set(token, recent);
    return { ok: true };
  }
}
