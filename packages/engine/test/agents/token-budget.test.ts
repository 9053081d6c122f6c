// Per-token budgets: `max` calls per sliding window, each token on its own.
import { describe, expect, it } from 'vitest';
import { TokenBudget } from '../../src/agents/token-budget.js';
import { ManualClock } from '../../src/clock.js';

describe('TokenBudget', () => {
  it('allows max calls per window per token, says when to retry, and frees calls as the window slides', () => {
    const clock = new ManualClock(1_000_000);
    const budget = new TokenBudget(clock, 3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(budget.take('a')).toEqual({ ok: true });
      clock.advance(1_000);
    }
    expect(budget.take('a')).toEqual({ ok: false, retryAfterMs: 57_000 });
    expect(budget.take('b')).toEqual({ ok: true });
    clock.advance(57_000);
    expect(budget.take('a')).toEqual({ ok: true });
    expect(budget.take('a')).toEqual({ ok: false, retryAfterMs: 1_000 });
  });
});
