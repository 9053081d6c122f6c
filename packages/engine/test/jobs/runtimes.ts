// The job runtimes the contract suite runs against, each on real services: DbJobRunner on SQLite,
// DbJobRunner on PostgreSQL, and BullJobRunner (PostgreSQL outbox + BullMQ on Redis). Every test
// gets a fresh store — a temporary SQLite file or PostgreSQL schema, and a unique Redis key prefix.
// Creating and dropping a migrated schema costs about half a second, so the next store is prepared
// while a test runs and schemas are dropped in `dispose()`; runners are always stopped and pools
// closed before the next test starts.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { redisGate } from '@lojista/testkit';
import type { ManualClock } from '../../src/clock.js';
import { dropPostgresSchema, openDatabase, type DatabaseTarget, type StoreDatabase } from '../../src/db/connect.js';
import type { Database } from '../../src/db/schema.js';
import { createJobRunner } from '../../src/jobs/factory.js';
import type { LaneConcurrency } from '../../src/jobs/lanes.js';
import type { DeadJobEvent, JobRunner } from '../../src/jobs/types.js';
import { databaseKinds, type DatabaseKind } from '../support/databases.js';
import { silentLogger } from '../support/logger.js';
import type { DoomedWorkerConfig } from './fixtures/doomed-worker.js';

export interface RunnerSetup {
  clock: ManualClock;
  backoff?: (attempt: number) => number;
  onDead?: (event: DeadJobEvent) => void;
  concurrency?: number;
  /** Per-lane concurrency (lanes.ts) instead of `concurrency`. */
  lanes?: LaneConcurrency;
  /** Its own connection pool, as a second engine process would have. */
  ownPool?: boolean;
}

export interface DoomedWorker {
  /** What the doomed worker's handler reported when it started. */
  started: { jobId: string; attempt: number };
  /** SIGKILL, then wait for the process to be gone. */
  kill(): Promise<void>;
}

export interface StoreUnderTest {
  db: Kysely<Database>;
  /** A new runner on this store; stopped by `cleanup()` if the test did not stop it. */
  runner(setup: RunnerSetup): Promise<JobRunner>;
  /** A runner in a child process that takes the next `jobType` job and hangs in its handler. */
  spawnDoomedWorker(clock: ManualClock, jobType: string): Promise<DoomedWorker>;
  /** Clock time after which a dead worker's job may be taken again (the embedded runtime's lease). */
  deathTimeoutMs: number;
  /** Stops this store's runners and closes its pools; its schema is dropped by `dispose()`. */
  cleanup(): Promise<void>;
}

export interface RuntimeUnderTest {
  name: string;
  available: boolean;
  open(): Promise<StoreUnderTest>;
  /** Removes every store this runtime created (call in afterAll). */
  dispose(): Promise<void>;
}

const DB_LEASE_MS = 60_000;
/** Short BullMQ locks so a killed worker's job is redelivered within about a second. */
const BULL_LOCK_MS = 1_000;
const BULL_STALLED_INTERVAL_MS = 250;

export type RuntimeName = 'db-sqlite' | 'db-postgres' | 'bullmq';

/** The runtime a test file runs the contract on; probes only the services that runtime needs. */
export async function runtimeUnderTest(name: RuntimeName): Promise<RuntimeUnderTest> {
  const kinds = await databaseKinds();
  const sqlite = kinds.find((k) => k.name === 'sqlite')!;
  const postgres = kinds.find((k) => k.name === 'postgres')!;
  switch (name) {
    case 'db-sqlite':
      return dbRuntime('DbJobRunner on SQLite', sqlite);
    case 'db-postgres':
      return dbRuntime('DbJobRunner on PostgreSQL', postgres);
    case 'bullmq': {
      const redis = await redisGate();
      return bullRuntime('BullJobRunner on PostgreSQL + Redis', postgres, redis.available, redis.url);
    }
  }
}

function dbRuntime(name: string, kind: DatabaseKind): RuntimeUnderTest {
  const stores = new FreshStores(kind);
  return {
    name,
    available: kind.available,
    dispose: () => stores.dispose(),
    async open() {
      const store = await stores.take();
      const owned = new Owned();
      return {
        db: store.db,
        deathTimeoutMs: DB_LEASE_MS + 1,
        async runner(setup) {
          const db = setup.ownPool ? (await owned.pool(store.target)).db : store.db;
          return owned.runner(
            createJobRunner('db', {
              db,
              dialect: kind.name,
              clock: setup.clock,
              log: silentLogger(),
              pollMs: 10,
              leaseMs: DB_LEASE_MS,
              concurrency: setup.concurrency,
              ...(setup.lanes ? { lanes: setup.lanes } : {}),
              backoff: setup.backoff ?? (() => 1_000),
              onDead: setup.onDead,
            }),
          );
        },
        spawnDoomedWorker: (clock, jobType) =>
          spawnDoomedWorker({ target: store.target, clockStart: clock.now(), jobType, runtime: { kind: 'db', leaseMs: DB_LEASE_MS } }),
        async cleanup() {
          await owned.close();
          await stores.retire(store);
        },
      };
    },
  };
}

function bullRuntime(name: string, postgres: DatabaseKind, redisAvailable: boolean, redisUrl: string): RuntimeUnderTest {
  const stores = new FreshStores(postgres);
  return {
    name,
    available: postgres.available && redisAvailable,
    dispose: () => stores.dispose(),
    async open() {
      const store = await stores.take();
      const owned = new Owned();
      const prefix = `lojista-test-${randomBytes(6).toString('hex')}`;
      const storeId = 'store-1';
      return {
        db: store.db,
        // BullMQ's lock is real time; the clock need not move.
        deathTimeoutMs: 0,
        async runner(setup) {
          const db = setup.ownPool ? (await owned.pool(store.target)).db : store.db;
          return owned.runner(
            createJobRunner('bullmq', {
              db,
              storeId,
              prefix,
              connection: { url: redisUrl },
              clock: setup.clock,
              log: silentLogger(),
              pollMs: 10,
              sweepMs: 200,
              concurrency: setup.concurrency,
              ...(setup.lanes ? { lanes: setup.lanes } : {}),
              lockDurationMs: BULL_LOCK_MS,
              stalledIntervalMs: BULL_STALLED_INTERVAL_MS,
              backoff: setup.backoff ?? (() => 1_000),
              onDead: setup.onDead,
            }),
          );
        },
        spawnDoomedWorker: (clock, jobType) =>
          spawnDoomedWorker({
            target: store.target,
            clockStart: clock.now(),
            jobType,
            runtime: { kind: 'bullmq', url: redisUrl, prefix, storeId, lockDurationMs: BULL_LOCK_MS, stalledIntervalMs: BULL_STALLED_INTERVAL_MS },
          }),
        async cleanup() {
          await owned.close();
          await stores.retire(store);
          await deleteRedisPrefix(redisUrl, prefix);
        },
      };
    },
  };
}

type TestStore = Awaited<ReturnType<DatabaseKind['open']>>;

/**
 * Hands out fresh stores, one prepared ahead; drops their schemas on `dispose()`. Drops wait until
 * then on purpose: Kysely's migrator introspects every schema, so a schema dropped while another
 * store migrates fails that migration ("schema … does not exist").
 */
class FreshStores {
  private spare: Promise<TestStore> | null = null;
  private readonly retired: TestStore[] = [];

  constructor(private readonly kind: DatabaseKind) {}

  take(): Promise<TestStore> {
    const store = this.spare ?? this.kind.open();
    this.spare = this.kind.open();
    // Surfaced by take() or dispose(); not an unhandled rejection meanwhile.
    this.spare.catch(() => undefined);
    return store;
  }

  /** Closes the store's pool now; its schema goes in `dispose()`. */
  async retire(store: TestStore): Promise<void> {
    if (store.target.kind === 'postgres') await store.close();
    else await store.cleanup();
    this.retired.push(store);
  }

  async dispose(): Promise<void> {
    if (this.spare) {
      const spare = await this.spare;
      this.spare = null;
      await this.retire(spare);
    }
    for (const store of this.retired.splice(0)) {
      if (store.target.kind === 'postgres') await dropPostgresSchema(store.target.url, store.target.schema);
    }
  }
}

/** Runners and pools a test created, closed in reverse order. */
class Owned {
  private readonly runners: JobRunner[] = [];
  private readonly pools: StoreDatabase[] = [];

  runner(runner: JobRunner): JobRunner {
    this.runners.push(runner);
    return runner;
  }

  async pool(target: DatabaseTarget): Promise<StoreDatabase> {
    const store = await openDatabase(target);
    this.pools.push(store);
    return store;
  }

  async close(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop(1_000)));
    for (const p of this.pools) await p.close();
  }
}

export async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

const FIXTURE = fileURLToPath(new URL('./fixtures/doomed-worker.ts', import.meta.url));

function spawnDoomedWorker(config: DoomedWorkerConfig): Promise<DoomedWorker> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', FIXTURE], {
    env: { ...process.env, LOJISTA_DOOMED_WORKER: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    child.kill('SIGKILL');
    await exited;
  };
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`doomed worker never started its job; stderr:\n${stderr}`));
    }, 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += String(chunk);
      const m = /started (\S+) (\d+)\n/.exec(stdout);
      if (!m) return;
      clearTimeout(timer);
      resolve({ started: { jobId: m[1]!, attempt: Number(m[2]) }, kill });
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`doomed worker exited before starting its job; stderr:\n${stderr}`));
    });
  });
}

/** Polls (real time) until `check` holds. */
export async function until(check: () => Promise<boolean> | boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
