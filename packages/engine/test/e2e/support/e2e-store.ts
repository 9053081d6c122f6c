// In-process stores for the end-to-end tests, and the on-disk store folders the crash test's child
// engine reads. Like test/support/store-harness.ts, with one difference: the store's CJ client can
// be paced for a local simulator instead of for CJ. At CJ's top level (6 QPS) the in-process
// limiter spaces calls 216.7 ms apart (1000/qps plus a 50 ms jitter margin meant for CJ's network),
// so one order (~8.5 calls) costs ~1.8 s of budget and 100 orders would take three minutes per
// test. A fast store gets an otherwise identical CjClient (same token store, same retry and
// unknown-outcome rules) whose limiter grants `qps` calls per second without that margin. Pacing is
// a throughput limit, not part of exactly-once; the crash test's child keeps the real 6 QPS.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CjClient, InProcessRateLimiter } from '@lojista/cj';
import type { RunningSimulator } from '@lojista/cj-sim';
import { systemClock } from '../../../src/clock.js';
import { openStore, type StoreRuntime } from '../../../src/runtime/store-runtime.js';
import { simulatorApiKey } from '../../../src/runtime/supplier-setup.js';
import { parseStoreConfig } from '../../../src/stores/load-config.js';
import { StoreSecrets } from '../../../src/stores/secrets.js';
import { DbTokenStore } from '../../../src/supplier/db-token-store.js';
import type { StoreConfig, StoreConfigInput } from '../../../src/stores/store-config.js';
import { silentLogger } from '../../support/logger.js';
import { freePort } from '../../support/store-harness.js';

export { freePort };

/**
 * A fresh temporary folder for store data: on /dev/shm when there is one. SQLite runs with
 * synchronous=FULL, and thousands of fsyncs would dominate these tests; a process killed with
 * SIGKILL never loses the page cache, so memory-backed files change nothing about what the crash
 * test proves (it is the process that dies, not the machine). LOJISTA_E2E_TMP overrides.
 */
export function e2eTempDir(prefix: string): string {
  const base = process.env.LOJISTA_E2E_TMP ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
  return mkdtempSync(join(base, prefix));
}

/** The store config every e2e store starts from: PT and ES, demo payments, no scan on start. */
export function e2eConfig(port: number, overrides: Partial<StoreConfigInput> = {}): StoreConfigInput {
  return {
    name: 'E2E Store',
    // Every request of these tests comes from 127.0.0.1: 100 checkouts, their retries and the
    // readiness polls after each restart would exceed the public limit (120 a minute per IP).
    http: { port, publicRateLimit: { max: 100_000 } },
    cj: { qps: 6 },
    niche: { keywords: ['amethyst', 'tarot cards', 'incense'] },
    pricing: { fx: { rate: '0.92', date: '2026-11-20' } },
    catalog: { pageSize: 20, pointsBudgetPerScan: 2_000 },
    checkout: { shipsTo: ['PT', 'ES'] },
    ...overrides,
    schedules: { scanOnFirstStart: false, ...overrides.schedules },
  };
}

export interface E2eStore {
  id: string;
  runtime: StoreRuntime;
  url: string;
  adminToken: string;
  apiKey: string;
  close(): Promise<void>;
}

export interface E2eStoreOptions {
  sim: RunningSimulator;
  id?: string;
  port?: number;
  config?: Partial<StoreConfigInput>;
  /**
   * Pace the store's CJ client for the local simulator: `qps` calls per second, no jitter margin
   * (default 200). `false` keeps the engine's own client at the config's QPS (6).
   */
  fastCj?: number | false;
  adminToken?: string;
  dataDir?: string;
  databaseUrl?: string;
  /** Keep the data folder on close (the crash test hands it to the child). */
  keepData?: boolean;
}

export async function startE2eStore(opts: E2eStoreOptions): Promise<E2eStore> {
  const id = opts.id ?? `e${randomBytes(4).toString('hex')}`;
  const port = opts.port ?? (await freePort());
  const fast = opts.fastCj === undefined ? 200 : opts.fastCj;
  const parsed = parseStoreConfig(`(e2e store ${id})`, e2eConfig(port, opts.config));
  // The engine's own client (the scanner's) gets the raised QPS too; the schema stops at CJ's 6.
  const config: StoreConfig = fast ? { ...parsed, cj: { ...parsed.cj, qps: fast as StoreConfig['cj']['qps'] } } : parsed;
  const adminToken = opts.adminToken ?? randomBytes(24).toString('hex');
  const apiKey = simulatorApiKey(id);
  if (!opts.sim.control.getAccount(apiKey)) opts.sim.control.createAccount({ apiKey, qps: 1000 });
  const dataDir = opts.dataDir ?? e2eTempDir('lojista-e2e-');
  const runtime = await openStore(
    { id, file: `(e2e store ${id})`, config },
    new StoreSecrets({ adminToken }),
    { apiKey, baseUrl: opts.sim.baseUrl, simulated: true, needsInProcessSimulator: false },
    { rootLog: silentLogger(), clock: systemClock, dataDir, version: 'e2e', jobPollMs: 20, ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}) },
  );
  if (fast) {
    const cj = new CjClient({
      apiKey,
      baseUrl: opts.sim.baseUrl,
      qps: fast as StoreConfig['cj']['qps'],
      timeoutMs: config.cj.timeoutMs,
      tokenStore: new DbTokenStore(runtime.ctx.db, systemClock),
      limiter: new InProcessRateLimiter({ safetyMargin: 0, minMarginMs: 0 }),
    });
    // Every service reads ctx.cj at call time; the scanner keeps the engine's own client.
    Object.assign(runtime.ctx, { cj });
  }
  await runtime.start();
  return {
    id,
    runtime,
    url: runtime.url ?? `http://127.0.0.1:${port}`,
    adminToken,
    apiKey,
    async close() {
      await runtime.stop(2_000);
      if (!opts.keepData && !opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Writes `<dir>/<id>.json` and `<dir>/<id>.secrets.json` (mode 600) as `lojista serve` reads them. */
export function writeStoreFolder(dir: string, id: string, config: StoreConfigInput, secrets: { adminToken: string }): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${id}.json`), JSON.stringify(config, null, 2));
  const secretsFile = join(dir, `${id}.secrets.json`);
  writeFileSync(secretsFile, JSON.stringify(secrets), { mode: 0o600 });
  chmodSync(secretsFile, 0o600);
}
