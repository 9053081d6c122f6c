// Starts real stores for tests: a real listener on a free port, a real database (SQLite file or a
// fresh PostgreSQL schema), and a CJ client pointed at an in-process simulator.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '@lojista/cj-sim';
import { postgresGate } from '@lojista/testkit';
import type { Clock } from '../../src/clock.js';
import { systemClock } from '../../src/clock.js';
import { dropPostgresSchema, schemaForStore } from '../../src/db/connect.js';
import { openStore, type StoreRuntime } from '../../src/runtime/store-runtime.js';
import { simulatorApiKey } from '../../src/runtime/supplier-setup.js';
import { parseStoreConfig } from '../../src/stores/load-config.js';
import { StoreSecrets, type SecretKey } from '../../src/stores/secrets.js';
import type { StoreConfigInput } from '../../src/stores/store-config.js';
import type { Logger } from 'pino';
import { silentLogger } from './logger.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function uniqueStoreId(prefix = 't'): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

export async function testSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  // The manual clock starts at the real time: token expiries are compared with the engine's clock.
  return startSimulator({ port: 0, host: '127.0.0.1', clock: 'manual', startTime: Date.now(), catalogueSize: 2000, qps: 50, tokenCooldownSec: 0, allowLocalWebhooks: true, ...opts });
}

/** A small test store's config; `http.port` is always the free port given (overrides may set the rest of `http`). */
export function baseConfig(port: number, overrides: Partial<StoreConfigInput> = {}): StoreConfigInput {
  const { http, ...rest } = overrides;
  return {
    name: 'Test Store',
    cj: { qps: 6 },
    niche: { keywords: ['amethyst', 'tarot cards', 'incense'] },
    pricing: { fx: { rate: '0.92', date: '2026-11-20' } },
    catalog: { pageSize: 20, pointsBudgetPerScan: 2_000 },
    schedules: { scanOnFirstStart: false },
    ...rest,
    http: { ...http, port },
  };
}

export interface TestStore {
  id: string;
  runtime: StoreRuntime;
  url: string;
  adminToken: string;
  /** The folder its SQLite file lives in (the CLI can open the same database). */
  dataDir: string;
  close(): Promise<void>;
}

export interface TestStoreOptions {
  database: 'sqlite' | 'postgres';
  sim: RunningSimulator;
  id?: string;
  config?: Partial<StoreConfigInput>;
  clock?: Clock;
  start?: boolean;
  /** Secrets besides the admin token (Stripe keys…). */
  secrets?: Partial<Record<SecretKey, string>>;
  /** The port to listen on (known in advance, e.g. for payments.storefrontUrl); default a free one. */
  port?: number;
  /** The store's config file path (its folder then holds `<id>/pages/…`); default a placeholder. */
  file?: string;
  /** The root logger (default silent); tests that read log lines pass a capturing one. */
  rootLog?: Logger;
  /** Scale runtime (BullMQ jobs, Redis in /ready): needs database 'postgres'. */
  redisUrl?: string;
}

export async function startTestStore(opts: TestStoreOptions): Promise<TestStore> {
  // freePort() closes the port before the store listens on it: a busy machine's other sockets may
  // take it in between (EADDRINUSE, seen in CI). A port the test did not choose is simply chosen again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startTestStoreOn(opts, opts.port ?? (await freePort()));
    } catch (err) {
      if (opts.port !== undefined || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 3) throw err;
    }
  }
}

async function startTestStoreOn(opts: TestStoreOptions, port: number): Promise<TestStore> {
  const id = opts.id ?? uniqueStoreId();
  const file = opts.file ?? `(test store ${id})`;
  const config = parseStoreConfig(file, baseConfig(port, opts.config));
  const adminToken = randomBytes(24).toString('hex');
  const apiKey = simulatorApiKey(id);
  // A second try (another port) keeps the first try's account.
  if (!opts.sim.control.getAccount(apiKey)) opts.sim.control.createAccount({ apiKey, qps: 50 });
  const dataDir = mkdtempSync(join(tmpdir(), 'lojista-store-'));
  let databaseUrl: string | undefined;
  if (opts.database === 'postgres') {
    const pg = await postgresGate();
    if (!pg.available) throw new Error('PostgreSQL is not available');
    databaseUrl = pg.url;
  }
  const runtime = await openStore(
    { id, file, config },
    new StoreSecrets({ adminToken, ...opts.secrets }),
    { apiKey, baseUrl: opts.sim.baseUrl, simulated: true, needsInProcessSimulator: false },
    { rootLog: opts.rootLog ?? silentLogger(), clock: opts.clock ?? systemClock, dataDir, version: 'test', jobPollMs: 20, ...(databaseUrl ? { databaseUrl } : {}), ...(opts.redisUrl ? { redisUrl: opts.redisUrl } : {}) },
  );
  const cleanUp = async () => {
    if (databaseUrl) await dropPostgresSchema(databaseUrl, schemaForStore(id));
    rmSync(dataDir, { recursive: true, force: true });
  };
  if (opts.start !== false) {
    try {
      await runtime.start();
    } catch (err) {
      await runtime.stop(1_000).catch(() => undefined);
      await cleanUp().catch(() => undefined);
      throw err;
    }
  }
  return {
    id,
    runtime,
    url: runtime.url ?? `http://127.0.0.1:${port}`,
    adminToken,
    dataDir,
    async close() {
      await runtime.stop(2_000);
      await cleanUp();
    },
  };
}
