import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { CjClient } from '@lojista/cj';
import { startSimulator, type RunningSimulator } from '@lojista/cj-sim';
import { redisGate, startCpuHog } from '@lojista/testkit';
import { RedisRateLimiter } from '../../src/supplier/redis-rate-limiter.js';

const redis = await redisGate();

describe.skipIf(!redis.available)('the Redis-backed CJ rate limiter (scale runtime)', () => {
  let sim: RunningSimulator;
  const connections: Redis[] = [];
  const prefix = `lojista-test:${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, clock: 'manual', startTime: Date.now(), catalogueSize: 2000, qps: 2, tokenCooldownSec: 0 });
  });
  afterAll(async () => {
    for (const c of connections) c.disconnect();
    await sim?.close();
  });

  it('keeps two "instances" of one account within its QPS at CJ beside a CPU-hogging neighbour, with no 429', async () => {
    // Issue 10 §7: under load one instance's late timer let its call land right after the other's
    // (17 calls for 16 requests: one 429). Two processes spin on the cores, so timers fire late and
    // writes leave late; the simulator counts the arrivals. (This event loop is not kept busy on
    // purpose here: the simulator shares it, and would then timestamp arrivals late itself.)
    const hog = await startCpuHog(2);
    // Two clients with their own Redis connections and limiters stand for two engine processes.
    const clients = [0, 1].map(() => {
      const conn = new Redis(redis.url);
      connections.push(conn);
      return new CjClient({ apiKey: sim.demoApiKey, baseUrl: sim.baseUrl, qps: 2, accountId: 'shared-account', limiter: new RedisRateLimiter(conn, { prefix }) });
    });
    try {
      await clients[0]!.auth.accessToken();
      const since = sim.control.ledgerCursor();
      const calls = Array.from({ length: 12 }, (_, i) => clients[i % 2]!.pay.balance());
      await Promise.all(calls);
      const entries = sim.control.ledger({ since, kind: 'call', path: '/shopping/pay/getBalance' }).flatMap((e) => (e.kind === 'call' ? [e] : []));
      expect(entries.filter((e) => e.rateLimited)).toHaveLength(0);
      expect(entries).toHaveLength(12);
      const times = entries.map((e) => e.at).sort((a, b) => a - b);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      // What CJ counts: no 1000 ms window may hold more than qps (2) calls. The limiter spaces
      // writes 550 ms apart, so this leaves 100 ms for the simulator's own timestamping jitter.
      const windows = times.slice(2).map((t, i) => t - times[i]!);
      console.log(`Redis limiter, qps 2, 2 instances beside 2 spinning processes: min arrival gap ${Math.min(...gaps).toFixed(1)} ms, narrowest 2-call window ${Math.min(...windows).toFixed(1)} ms`);
      expect(Math.min(...windows)).toBeGreaterThanOrEqual(1000);
    } finally {
      await hog.stop();
    }
  });

  it('holds the next claim until the claimed request reports its write, from any instance', async () => {
    const [a, b] = [new Redis(redis.url), new Redis(redis.url)];
    connections.push(a, b);
    const one = new RedisRateLimiter(a, { prefix, safetyMargin: 0, minMarginMs: 0 });
    const two = new RedisRateLimiter(b, { prefix, safetyMargin: 0, minMarginMs: 0 });
    await one.acquire('hold-key', 10); // claimed, not yet written
    const started = performance.now();
    let grantedAt: number | undefined;
    const next = two.acquire('hold-key', 10).then(() => (grantedAt = performance.now()));
    await new Promise((r) => setTimeout(r, 400));
    expect(grantedAt).toBeUndefined(); // 100 ms interval long past, but the first has not left yet
    one.sent('hold-key');
    await next;
    expect(grantedAt! - started).toBeGreaterThanOrEqual(400 + 100 - 5);
    two.release('hold-key');
  });

  it('gives an aborted waiter a rejection without sending', async () => {
    const conn = new Redis(redis.url);
    connections.push(conn);
    const limiter = new RedisRateLimiter(conn, { prefix });
    await limiter.acquire('abort-key', 1);
    const abort = new AbortController();
    const pending = limiter.acquire('abort-key', 1, abort.signal);
    abort.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});
