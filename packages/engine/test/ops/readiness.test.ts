// /ready says whether the store can serve: its database answers, Redis too on the scale runtime,
// and the job runner runs. CJ trouble (the circuit breaker open) is reported as degraded and keeps
// the store ready: orders wait and retry, customers can still buy.
import type { RunningSimulator } from '@lojista/cj-sim';
import { redisGate } from '@lojista/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { call, expectError } from '../http/http-helpers.js';

const redis = await redisGate();
let sim: RunningSimulator;
let embedded: TestStore;
let scale: TestStore | undefined;

beforeAll(async () => {
  sim = await testSimulator({ catalogueSize: 50 });
  embedded = await startTestStore({ database: 'sqlite', sim });
  if (redis.available) scale = await startTestStore({ database: 'postgres', sim, redisUrl: redis.url });
});
afterAll(async () => {
  await Promise.all([embedded?.close(), scale?.close()]);
  await sim?.close();
});

describe('/ready', () => {
  it('checks the database and the job runner on the embedded runtime', async () => {
    const r = await call(embedded.url, 'GET', '/ready');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ready: true, checks: { database: 'ok', jobs: 'ok', supplier: 'simulated', cj: 'ok' } });
  });

  it.runIf(redis.available)('checks Redis as well on the scale runtime', async () => {
    const r = await call(scale!.url, 'GET', '/ready');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ ready: true, checks: { database: 'ok', redis: 'ok', jobs: 'ok', supplier: 'simulated', cj: 'ok' } });
  });

  it('reports CJ as degraded, not unready, while the circuit breaker is open', async () => {
    embedded.runtime.ctx.metrics.cjBreakerOpen.set(1);
    try {
      const r = await call<{ checks: Record<string, string> }>(embedded.url, 'GET', '/ready');
      expect(r.status).toBe(200);
      expect(r.body.checks.cj).toBe('degraded');
    } finally {
      embedded.runtime.ctx.metrics.cjBreakerOpen.set(0);
    }
  });

  it('is 503 once the job runner has stopped', async () => {
    await embedded.runtime.runner.stop(1_000);
    const r = await call(embedded.url, 'GET', '/ready');
    expectError(r, 503, { code: 'jobs_stopped' });
  });
});
