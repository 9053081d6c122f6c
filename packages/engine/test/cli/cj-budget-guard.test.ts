// Issue 10 §7: `lojista cj webhooks enable` run while the engine served the store spent the CJ
// account's QPS from a second process, and CJ answered 429. A one-shot command that calls CJ now
// refuses beside a running engine on the embedded runtime (its budget lives in the engine's
// process), and joins the engine's budget through Redis on the scale runtime.
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { defaultAccountId } from '@lojista/cj';
import { redisGate } from '@lojista/testkit';
import type { RunningSimulator } from '@lojista/cj-sim';
import { cjBalance } from '../../src/cli/commands/cj.js';
import type { CliEnv } from '../../src/cli/env.js';
import { CliError, EXIT } from '../../src/cli/exit-codes.js';
import { startEngine, type Engine } from '../../src/runtime/engine.js';
import { simulatorApiKey } from '../../src/runtime/supplier-setup.js';
import { captureLogger } from '../support/logger.js';
import { baseConfig, freePort, testSimulator, uniqueStoreId } from '../support/store-harness.js';

const redis = await redisGate();

describe('one-shot CJ commands beside a running engine', () => {
  let sim: RunningSimulator;
  const id = uniqueStoreId('budget');
  const configDir = mkdtempSync(join(tmpdir(), 'lojista-budget-cfg-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'lojista-budget-data-'));
  const { log } = captureLogger('warn');
  const env: CliEnv = { configDir, dataDir, log, version: 'test' };
  let engine: Engine | null = null;

  beforeAll(async () => {
    sim = await testSimulator({ qps: 2 });
    sim.control.createAccount({ apiKey: simulatorApiKey(id), qps: 2 });
    // A store on an external simulator (as on a real CJ key): the command would use the same account.
    writeFileSync(join(configDir, `${id}.json`), JSON.stringify(baseConfig(await freePort(), { cj: { qps: 2, baseUrl: sim.baseUrl } })));
    const secrets = join(configDir, `${id}.secrets.json`);
    writeFileSync(secrets, JSON.stringify({ adminToken: 'a'.repeat(32) }));
    chmodSync(secrets, 0o600);
  });
  afterAll(async () => {
    await engine?.stop(2_000);
    await sim?.close();
  });

  const balanceCalls = () => sim.control.ledger({ kind: 'call', path: '/shopping/pay/getBalance' }).length;

  it('runs when no engine serves the store', async () => {
    const result = await cjBalance(env, { store: id });
    expect(result).toMatchObject({ store: id, supplier: 'SIMULATED' });
    expect(balanceCalls()).toBe(1);
  });

  it('refuses with exit 3 while an engine serves it on the embedded runtime, without calling CJ', async () => {
    engine = await startEngine({ configDir, dataDir, only: id, log, version: 'test' });
    const before = balanceCalls();
    const err = await cjBalance(env, { store: id }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(EXIT.busy);
    expect((err as CliError).message).toMatch(new RegExp(`store ${id} is being served by a running engine .*QPS budget.*REDIS_URL`));
    expect(balanceCalls()).toBe(before);
    await engine.stop(2_000);
    engine = null;
    // Stopped: the presence lease is released, so the command runs again.
    await expect(cjBalance(env, { store: id })).resolves.toMatchObject({ store: id });
  });

  it.skipIf(!redis.available)('joins the engine’s budget through Redis on the scale runtime', async () => {
    engine = await startEngine({ configDir, dataDir, only: id, log, version: 'test', redisUrl: redis.url });
    // The account's slot in Redis (see RedisRateLimiter): the command must stamp it itself.
    const conn = new Redis(redis.url);
    const slot = `lojista:cj-qps:h:${defaultAccountId(simulatorApiKey(id))}`;
    const lastBefore = Number((await conn.hget(slot, 'last')) ?? 0);
    await cjBalance({ ...env, redisUrl: redis.url }, { store: id });
    const lastAfter = Number(await conn.hget(slot, 'last'));
    conn.disconnect();
    expect(lastAfter).toBeGreaterThan(lastBefore);
    const since = sim.control.ledgerCursor();
    const results = await Promise.all([cjBalance({ ...env, redisUrl: redis.url }, { store: id }), engine.stores[0]!.ctx.cj.pay.balance(), engine.stores[0]!.ctx.cj.pay.balance()]);
    expect(results).toHaveLength(3);
    const calls = sim.control.ledger({ since, kind: 'call' }).flatMap((e) => (e.kind === 'call' ? [e] : []));
    expect(calls.filter((c) => c.rateLimited)).toEqual([]);
  });
});
