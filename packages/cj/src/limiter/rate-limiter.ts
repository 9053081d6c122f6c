/**
 * The account's request budget. CJ counts QPS per account across every process (cj-api.md §5,
 * §9.2), so every request of one account — auth calls included — passes through `acquire` first.
 *
 * Contract (what any implementation, e.g. a Redis-backed one for a fleet, must guarantee):
 *
 * 1. Spacing. For a given `key`, successive `acquire` calls resolve ("grants") at least
 *    `1000 / qps` ms apart, plus the implementation's safety margin, across ALL callers that share
 *    the limiter's backing store (one process for the in-process limiter; every process for a
 *    shared one). A grant entitles the caller to send exactly one request, immediately.
 * 2. No starvation. Waiters are served in arrival order (FIFO or an equivalent reservation
 *    scheme), so 50 concurrent callers all complete.
 * 3. Cancellation. If `signal` aborts before the grant, `acquire` rejects with `signal.reason`
 *    promptly and the caller sends nothing. The unused slot may be given back or may lapse
 *    (lapsing only costs throughput, never correctness).
 * 4. Keys are opaque account ids; `qps` is the account's budget (1, 2, 4 or 6 for CJ) and is the
 *    same for every call of one key.
 * 5. Spacing is owed on the wire. `sent` (optional) is called once the granted request has been
 *    written to the socket (Node's fetch reports it; see wire-tap.ts) — possibly much later than
 *    the grant on a busy machine or when a connection had to be opened. An implementation should
 *    space the *next* grant from that instant (InProcessRateLimiter and the engine's Redis limiter
 *    hold the next grant until it comes, or until `release`). It must not throw.
 * 6. `release` (optional) is called exactly once after every granted request has finished —
 *    response received or failed. An implementation may use it to space the next grant from the
 *    moment a request is known to have reached CJ (see InProcessRateLimiter's cold-connection
 *    guard) or ignore it. It must not throw.
 *
 * A Redis implementation can keep one "next free instant" per key and reserve slots atomically
 * (a Lua script: `slot = max(now, next); next = slot + interval; return slot`), then sleep until
 * `slot` — using the Redis server's clock so every process agrees.
 */
export interface RateLimiter {
  acquire(key: string, qps: number, signal?: AbortSignal): Promise<void>;
  sent?(key: string, qps: number): void;
  release?(key: string, qps: number): void;
}
