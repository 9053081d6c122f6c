// Issue 10 §7: `lojista cj webhooks enable` run while the engine served the store spent the CJ
// account's QPS from a second process (one account, two budgets), and CJ answered 429. Every
// process that opens a store now claims the account's send slot in the store's database (or in
// Redis on the scale runtime), so a one-shot command beside the engine shares its budget.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAccountId } from '@lojista/cj';
import type { RunningSimulator } from '@lojista/cj-sim';
import { redisGate } from '@lojista/testkit';
import { cjBalance } from '../../src/cli/commands/cj.js';
import type { CliEnv } from '../../src/cli/env.js';
import { startEngine, type Engine } from '../../src/runtime/engine.js';
import { simulatorApiKey } from '../../src/runtime/supplier-setup.js';
import { captureLogger } from '../support/logger.js';
import { baseConfig, freePort, testSimulator, uniqueStoreId } from '../support/store-harness.js';
import { Cli, stdoutJson } from './cli-process.js';

const redis = await redisGate();

describe('one CJ account, one budget, across processes', () => {
  let sim: RunningSimulator;
  const id = uniqueStoreId('budget');
  const cli = new Cli();
  const { configDir, dataDir } = cli;
  const { log } = captureLogger('warn');
  let engine: Engine | null = null;

  beforeAll(async () => {
    // QPS 1, the strictest: the simulator answers 429 to any two calls of the account within 1000 ms.
    sim = await testSimulator({ qps: 1 });
    sim.control.createAccount({ apiKey: simulatorApiKey(id), qps: 1 });
    mkdirSync(configDir, { recursive: true });
    // A store on an external simulator, as on a real CJ key: the command uses the same account.
    writeFileSync(join(configDir, `${id}.json`), JSON.stringify(baseConfig(await freePort(), { cj: { qps: 1, baseUrl: sim.baseUrl } })));
    const secrets = join(configDir, `${id}.secrets.json`);
    writeFileSync(secrets, JSON.stringify({ adminToken: 'a'.repeat(32) }));
    chmodSync(secrets, 0o600);
  });
  afterAll(async () => {
    cli.killAll();
    await engine?.stop(2_000);
    await sim?.close();
  });

  it('`lojista cj balance` in its own process beside a serving engine that keeps calling CJ: no 429', { timeout: 120_000 }, async () => {
    engine = await startEngine({ configDir, dataDir, only: id, log, version: 'test' });
    const store = engine.stores[0]!;
    await store.ctx.cj.pay.balance(); // the engine holds its token before the command starts
    const since = sim.control.ledgerCursor();
    let busy = true;
    const engineCalls = (async () => {
      let n = 0;
      while (busy) {
        await store.ctx.cj.pay.balance();
        n++;
      }
      return n;
    })();
    const run = await cli.run(['cj', 'balance', '--store', id]).finally(() => (busy = false));
    const n = await engineCalls;
    expect(run.code, run.stderr).toBe(0);
    expect(stdoutJson(run)).toMatchObject({ store: id, supplier: 'SIMULATED' });
    const calls = sim.control.ledger({ since, kind: 'call' }).flatMap((e) => (e.kind === 'call' ? [e] : []));
    // The engine's calls and the command's (its getAccessToken, or not, and its getBalance) all counted.
    expect(calls.filter((c) => c.path === '/shopping/pay/getBalance' && !c.rateLimited)).toHaveLength(n + 1);
    expect(calls.filter((c) => c.rateLimited)).toEqual([]);
    await engine.stop(2_000);
    engine = null;
  });

  it.skipIf(!redis.available)('on the scale runtime the command joins the engine’s budget through Redis', async () => {
    engine = await startEngine({ configDir, dataDir, only: id, log, version: 'test', redisUrl: redis.url });
    const env: CliEnv = { configDir, dataDir, log, version: 'test', redisUrl: redis.url };
    // The account's slot in Redis (see RedisRateLimiter): the command must stamp it itself.
    const conn = new Redis(redis.url);
    const slot = `lojista:cj-qps:h:${defaultAccountId(simulatorApiKey(id))}`;
    const lastBefore = Number((await conn.hget(slot, 'last')) ?? 0);
    await expect(cjBalance(env, { store: id })).resolves.toMatchObject({ store: id });
    const lastAfter = Number(await conn.hget(slot, 'last'));
    conn.disconnect();
    expect(lastAfter).toBeGreaterThan(lastBefore);
  });
});
