import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { CjClient } from '@lojista/cj';
import { startSimulator, type RunningSimulator } from '@lojista/cj-sim';
import { redisGate } from '@lojista/testkit';
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

  it('keeps two "instances" of one account within its QPS at CJ, with no 429', async () => {
    // Two clients with their own Redis connections and limiters stand for two engine processes.
    const clients = [0, 1].map(() => {
      const conn = new Redis(redis.url);
      connections.push(conn);
      return new CjClient({ apiKey: sim.demoApiKey, baseUrl: sim.baseUrl, qps: 2, accountId: 'shared-account', limiter: new RedisRateLimiter(conn, { prefix }) });
    });
    await clients[0]!.auth.accessToken();
    const since = sim.control.ledgerCursor();
    const calls = Array.from({ length: 16 }, (_, i) => clients[i % 2]!.pay.balance());
    await Promise.all(calls);
    const entries = sim.control.ledger({ since, kind: 'call', path: '/shopping/pay/getBalance' }).flatMap((e) => (e.kind === 'call' ? [e] : []));
    expect(entries).toHaveLength(16);
    expect(entries.filter((e) => e.rateLimited)).toHaveLength(0);
    const times = entries.map((e) => e.at).sort((a, b) => a - b);
    // No 1000 ms window holds more than qps (2) accepted calls.
    for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(1000);
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
