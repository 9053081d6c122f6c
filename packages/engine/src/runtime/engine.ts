// Runs every store of the config folder (or one, or the built-in demo) in this process, each on its
// own port, plus one in-process CJ simulator if any store has no CJ API key.
import { randomInt } from 'node:crypto';
import type { RunningSimulator } from '@lojista/cj-sim';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { ensureOwnerPassword } from '../admin/auth/owner-password.js';
import { startOperatorServer } from '../operator/operator-server.js';
import { systemClock, type Clock } from '../clock.js';
import { loadStoreConfigs, type LoadedStoreConfig } from '../stores/load-config.js';
import { loadSecrets, type StoreSecrets } from '../stores/secrets.js';
import { demoStore } from './demo-store.js';
import { openStore, type StoreRuntime } from './store-runtime.js';
import { resolveSupplier, type ResolvedSupplier } from './supplier-setup.js';

export interface EngineOptions {
  configDir: string;
  dataDir: string;
  /** Only this store (its own process, as the old one-process-per-store setup). */
  only?: string;
  /** Run the built-in demo store instead of the config folder. */
  demo?: boolean;
  databaseUrl?: string;
  redisUrl?: string;
  log: Logger;
  clock?: Clock;
  version: string;
  /** Port of the in-process simulator (default: any free port). */
  simulatorPort?: number;
  jobPollMs?: number;
  /** Override the demo store's port. */
  demoPort?: number;
  /** Added to every store's port: several instances of one fleet on one machine (scale runtime). */
  portOffset?: number;
  /** The operator listener (cross-store health and metrics); off unless a port and a token are given. */
  operator?: { port: number; host?: string; token: string };
}

export interface Engine {
  stores: StoreRuntime[];
  simulator: RunningSimulator | null;
  /** The demo's admin token, when running the demo. */
  demoAdminToken: string | null;
  /** The demo's console password, when running the demo. */
  demoConsolePassword: string | null;
  stop(deadlineMs?: number): Promise<void>;
}

export interface PreparedStore {
  loaded: LoadedStoreConfig;
  secrets: StoreSecrets;
  supplier: ResolvedSupplier;
}

/** Loads the stores to run (or the demo) with their secrets and which CJ each talks to. */
export async function prepareStores(
  opts: Pick<EngineOptions, 'configDir' | 'dataDir' | 'only' | 'demo' | 'clock' | 'demoPort'>,
): Promise<{ prepared: PreparedStore[]; demoAdminToken: string | null; demoConsolePassword: string | null }> {
  const clock = opts.clock ?? systemClock;
  let demoAdminToken: string | null = null;
  let demoConsolePassword: string | null = null;
  const prepared: PreparedStore[] = [];
  if (opts.demo) {
    const demo = demoStore(clock, opts.dataDir, opts.demoPort);
    demoAdminToken = demo.adminToken;
    demoConsolePassword = demo.consolePassword;
    prepared.push({ loaded: demo.loaded, secrets: demo.secrets, supplier: resolveSupplier(demo.loaded.id, demo.loaded.config, demo.secrets) });
  } else {
    for (const loaded of await loadStoreConfigs(opts.configDir, opts.only)) {
      const secrets = await loadSecrets(loaded.id, `${opts.configDir}/${loaded.id}.secrets.json`);
      prepared.push({ loaded, secrets, supplier: resolveSupplier(loaded.id, loaded.config, secrets) });
    }
  }
  if (prepared.length === 0) throw new Error(`no store configs in ${opts.configDir}; create one with "lojista init" or run the demo`);
  return { prepared, demoAdminToken, demoConsolePassword };
}

/** Starts the in-process simulator when a store needs it and points those stores at it. */
export async function attachSimulator(prepared: PreparedStore[], opts: Pick<EngineOptions, 'log' | 'simulatorPort'>): Promise<RunningSimulator | null> {
  let simulator: RunningSimulator | null = null;
  if (prepared.some((p) => p.supplier.needsInProcessSimulator)) {
    // Loaded only here: a process whose stores all have a CJ key never holds the simulator's code.
    const { startSimulator } = await import('@lojista/cj-sim');
    simulator = await startSimulator({ port: opts.simulatorPort ?? 0, host: '127.0.0.1', seed: 42, clock: 'realtime', allowLocalWebhooks: true });
    opts.log.warn({ url: simulator.baseUrl }, 'started the in-process CJ simulator for stores without a CJ API key');
    for (const p of prepared.filter((s) => s.supplier.needsInProcessSimulator)) {
      // Each store gets its own simulator account (own balance, token and QPS), like its own CJ account.
      // Its openId — the key CJ signs webhooks with — is random: taken from the API key's digits it
      // would follow from the public store id (simulatorApiKey), and anyone could sign webhooks.
      simulator.control.createAccount({ apiKey: p.supplier.apiKey, openId: randomOpenId(), qps: p.loaded.config.cj.qps });
      p.supplier = { ...p.supplier, baseUrl: simulator.baseUrl };
    }
  }
  return simulator;
}

/** 19 random digits (CJ's openIds are Longs; the simulator takes 1–19 digits, no leading zero). */
export function randomOpenId(): string {
  return String(randomInt(1, 10)) + Array.from({ length: 18 }, () => randomInt(0, 10)).join('');
}

export async function startEngine(opts: EngineOptions): Promise<Engine> {
  const clock = opts.clock ?? systemClock;
  const { prepared, demoAdminToken, demoConsolePassword } = await prepareStores(opts);
  const simulator = await attachSimulator(prepared, opts);
  const stores: StoreRuntime[] = [];
  let operator: FastifyInstance | null = null;
  try {
    for (const p of prepared) {
      const loaded = opts.portOffset
        ? { ...p.loaded, config: { ...p.loaded.config, http: { ...p.loaded.config.http, port: p.loaded.config.http.port + opts.portOffset } } }
        : p.loaded;
      const store = await openStore(loaded, p.secrets, p.supplier, {
        rootLog: opts.log,
        clock,
        dataDir: opts.dataDir,
        version: opts.version,
        ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
        ...(opts.redisUrl ? { redisUrl: opts.redisUrl } : {}),
        ...(opts.jobPollMs ? { jobPollMs: opts.jobPollMs } : {}),
      });
      stores.push(store);
      if (demoConsolePassword) await ensureOwnerPassword(store.ctx, demoConsolePassword);
      await store.start();
    }
    if (opts.operator) {
      operator = await startOperatorServer({ port: opts.operator.port, host: opts.operator.host ?? '127.0.0.1', token: opts.operator.token, stores });
    }
  } catch (err) {
    for (const s of stores) await s.stop(1_000).catch(() => undefined);
    await simulator?.close();
    throw err;
  }

  return {
    stores,
    simulator,
    demoAdminToken,
    demoConsolePassword,
    async stop(deadlineMs = 10_000) {
      await operator?.close();
      await Promise.all(stores.map((s) => s.stop(deadlineMs)));
      await simulator?.close();
    },
  };
}
