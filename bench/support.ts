// Shared pieces of the benchmarks: the machine they ran on, statistics, the CJ simulator in its own
// process (so its CPU is not counted as the engine's), and stores opened the way `lojista serve`
// opens them (openStore), on SQLite, on PostgreSQL, or on PostgreSQL + BullMQ (the scale runtime).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { CjClient, InProcessRateLimiter } from '@lojista/cj';
import { POSTGRES_URL, REDIS_URL } from '@lojista/testkit';
import { systemClock } from '../packages/engine/src/clock.js';
import { dropPostgresSchema, schemaForStore } from '../packages/engine/src/db/connect.js';
import { createRootLogger } from '../packages/engine/src/observability/logger.js';
import { cjObserver } from '../packages/engine/src/runtime/cj-observer.js';
import { openStore, type StoreRuntime } from '../packages/engine/src/runtime/store-runtime.js';
import { simulatorApiKey } from '../packages/engine/src/runtime/supplier-setup.js';
import { parseStoreConfig } from '../packages/engine/src/stores/load-config.js';
import { StoreSecrets } from '../packages/engine/src/stores/secrets.js';
import type { StoreConfigInput } from '../packages/engine/src/stores/store-config.js';
import { DbTokenStore } from '../packages/engine/src/supplier/db-token-store.js';
import { RedisRateLimiter } from '../packages/engine/src/supplier/redis-rate-limiter.js';
import { freePort } from '../packages/engine/test/support/store-harness.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The machine

export function machine(): Record<string, string> {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    date: new Date().toISOString(),
    nproc: String(cpus().length),
    cpu: model.trim(),
    ram: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (free at start ${(freemem() / 2 ** 30).toFixed(1)} GiB)`,
    node: process.version,
    loadavg: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

export function printLoadAtEnd(): void {
  console.log(`\nloadavg at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`);
}

export function printMachine(title: string): void {
  console.log(`# ${title}`);
  for (const [k, v] of Object.entries(machine())) console.log(`${k.padEnd(8)}: ${v}`);
  console.log('');
}

// ---------------------------------------------------------------------------------------------
// Statistics

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest rank: the smallest value with at least p% of the values at or below it. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(1, Math.ceil((p / 100) * s.length)) - 1]!;
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** A plain text table, columns padded. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Processes and their memory (bench/memory.ts, bench/memory-stores.ts)

/** VmRSS and VmHWM (the kernel's peak RSS) of a process, in bytes, from /proc/<pid>/status. */
export function procStatus(pid: number): { rss: number; hwm: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

export interface MemorySample {
  rss: number;
  /** process.memoryUsage() of the process, when a probe writes it to a file (NaN otherwise). */
  heap: number;
  heapTotal: number;
  external: number;
}

/**
 * Median RSS over `seconds`, sampled every 250 ms; with `heapFile`, also the medians of the
 * process.memoryUsage() a probe preloaded into the process writes there.
 */
export async function sampleMemory(pid: number, seconds: number, heapFile?: string): Promise<MemorySample> {
  const rss: number[] = [];
  const heap: number[] = [];
  const total: number[] = [];
  const external: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    rss.push(procStatus(pid).rss);
    if (heapFile) {
      try {
        const u = JSON.parse(readFileSync(heapFile, 'utf8')) as { heapUsed: number; heapTotal: number; external: number };
        heap.push(u.heapUsed);
        total.push(u.heapTotal);
        external.push(u.external);
      } catch {
        // not written yet, or caught mid-write
      }
    }
    await sleep(250);
  }
  return { rss: median(rss), heap: median(heap), heapTotal: median(total), external: median(external) };
}

/**
 * Resident memory of a process by what is mapped (/proc/<pid>/smaps), in bytes: the node binary,
 * native addons (.node), other shared libraries, malloc's [heap], anonymous mappings (V8's heap
 * pages, malloc's mmap arenas, code space) and the rest.
 */
export function residentByMapping(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  let name = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const path = head[1]!.trim();
      name =
        path === '' ? 'anonymous (V8 heap, malloc arenas, code)'
        : path === '[heap]' ? '[heap] (malloc brk)'
        : path === process.execPath || path.endsWith('/node') ? 'node binary'
        : path.endsWith('.node') ? 'native addons (.node)'
        : /\.so(\.|$)/.test(path) ? 'shared libraries (.so)'
        : 'other';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) out[name] = (out[name] ?? 0) + Number(rss[1]) * 1024;
  }
  return out;
}

/** Polls `fn` every 250 ms until it answers true (errors count as not yet), or throws after `ms`. */
export async function until(what: string, fn: () => Promise<boolean>, ms: number, onTick?: () => void): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await fn()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    onTick?.();
    await sleep(250);
  }
}

export const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

// ---------------------------------------------------------------------------------------------
// Arguments: --name value

export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} needs a positive number`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// The CJ simulator in a child process

export interface SimProcess {
  baseUrl: string;
  url: string;
  pid: number;
  close(): Promise<void>;
}

/**
 * Starts packages/cj-sim/src/bin.ts in its own process: manual clock at the real time (token
 * expiries are compared with the engine's clock), no getAccessToken cooldown, QPS lifted to `qps`
 * for every account (accounts are created on first use of a well-formed key).
 */
export async function startSimProcess(opts: { qps?: number; catalogueSize?: number } = {}): Promise<SimProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      join(ROOT, 'packages/cj-sim/src/bin.ts'),
      '--port',
      '0',
      '--qps',
      String(opts.qps ?? 1000),
      '--clock',
      'manual',
      '--start-time',
      String(Date.now()),
      '--token-cooldown',
      '0',
      '--allow-local-webhooks',
      '--catalogue-size',
      String(opts.catalogueSize ?? 2400),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`simulator did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += String(chunk);
      const m = /CJ API base URL: (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += String(chunk)));
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}: ${out}`)));
  });
  return {
    baseUrl,
    url: baseUrl.replace(/\/api2\.0\/v1$/, ''),
    pid: child.pid!,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Stores

export type StoreKind = 'sqlite' | 'postgres' | 'scale';

export interface BenchStore {
  id: string;
  kind: StoreKind;
  runtime: StoreRuntime;
  url: string;
  adminToken: string;
  /** The store's data folder (SQLite file, default backup folder). */
  dataDir: string;
  close(): Promise<void>;
}

export interface BenchStoreOptions {
  kind: StoreKind;
  simBaseUrl: string;
  config?: Partial<StoreConfigInput>;
  /**
   * The engine's own CJ QPS budget. The config only accepts CJ's levels (1, 2, 4, 6); a bench that
   * measures the engine's cost sets a higher one on the parsed config, as the simulator's is lifted.
   */
  engineQps?: number;
  /** Job poll interval; default: the runtime's own default (250 ms), as `lojista serve`. */
  jobPollMs?: number;
  /**
   * `production` (default): the store's own CJ client, whose limiter spaces calls 1000/qps plus a
   * safety margin of at least 50 ms — so even with the QPS lifted, one account's calls go out at
   * most every ~51 ms. `unthrottled`: the store's CJ client is replaced (on its StoreContext, before
   * start) by one built the same way (same token store, observer, QPS, timeout; the same kind of
   * limiter: in-process, or Redis for the scale runtime) whose limiter has no margin, so the
   * engine's own cost shows. Bench only.
   */
  limiter?: 'production' | 'unthrottled';
  start?: boolean;
  /** Baseline of bench/webhook-lag.ts: every job type in one lane of this many slots (as before lanes). */
  sharedJobSlots?: number;
}

/** A store opened as `lojista serve` opens one (openStore), with a fresh database and a unique id. */
export async function openBenchStore(opts: BenchStoreOptions): Promise<BenchStore> {
  const id = `bench${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const config = parseStoreConfig(`(bench store ${id})`, {
    name: 'Bench Store',
    cj: { qps: 6 },
    niche: { keywords: ['amethyst', 'tarot cards', 'incense'] },
    pricing: { fx: { rate: '0.92', date: new Date().toISOString().slice(0, 10) } },
    schedules: { scanOnFirstStart: false },
    ...opts.config,
    http: { ...opts.config?.http, port },
  });
  if (opts.engineQps) (config.cj as { qps: number }).qps = opts.engineQps;
  const adminToken = randomBytes(24).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'lojista-bench-'));
  const databaseUrl = opts.kind === 'sqlite' ? undefined : POSTGRES_URL;
  const redisUrl = opts.kind === 'scale' ? REDIS_URL : undefined;
  const runtime = await openStore(
    { id, file: `(bench store ${id})`, config },
    new StoreSecrets({ adminToken }),
    { apiKey: simulatorApiKey(id), baseUrl: opts.simBaseUrl, simulated: true, needsInProcessSimulator: false },
    {
      rootLog: createRootLogger({ level: 'silent' }),
      clock: systemClock,
      dataDir,
      version: 'bench',
      ...(databaseUrl ? { databaseUrl } : {}),
      ...(redisUrl ? { redisUrl } : {}),
      ...(opts.jobPollMs ? { jobPollMs: opts.jobPollMs } : {}),
      ...(opts.sharedJobSlots ? { sharedJobSlots: opts.sharedJobSlots } : {}),
    },
  );
  let limiterRedis: Redis | null = null;
  if (opts.limiter === 'unthrottled') {
    const { ctx } = runtime;
    limiterRedis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 3 }) : null;
    const cj = new CjClient({
      limiter: limiterRedis
        ? new RedisRateLimiter(limiterRedis, { safetyMargin: 0, minMarginMs: 0 })
        : new InProcessRateLimiter({ safetyMargin: 0, minMarginMs: 0 }),
      apiKey: simulatorApiKey(id),
      baseUrl: opts.simBaseUrl,
      qps: config.cj.qps,
      timeoutMs: config.cj.timeoutMs,
      tokenStore: new DbTokenStore(ctx.db, ctx.clock),
      observer: cjObserver(ctx.metrics, ctx.alerts, ctx.log),
    });
    (ctx as { cj: CjClient }).cj = cj;
  }
  if (opts.start !== false) await runtime.start();
  return {
    id,
    kind: opts.kind,
    runtime,
    url: runtime.url ?? `http://127.0.0.1:${port}`,
    adminToken,
    dataDir,
    async close() {
      await runtime.stop(5_000);
      limiterRedis?.disconnect();
      if (databaseUrl) await dropPostgresSchema(databaseUrl, schemaForStore(id));
      // The store's queue keys: `lojista:<id>:…` and, one queue per job lane, `lojista:<id>.<lane>:…`.
      if (redisUrl) for (const pattern of [`lojista:${id}:*`, `lojista:${id}.*`]) await deleteRedisKeys(redisUrl, pattern);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Removes this store's BullMQ keys (only keys under its own, unique queue name). */
async function deleteRedisKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A store the memory benches started, with its admin token. */
export interface ServedStore {
  id: string;
  url: string;
  token: string;
}

/**
 * Starts a scan in every store at once through the admin API and waits until each has finished,
 * sampling the process's RSS meanwhile: the peak, how many products the scans added, and how long
 * they took.
 */
export async function scanEveryStore(stores: ServedStore[], pid: number, timeoutMs: number): Promise<{ peakRss: number; added: number; seconds: number }> {
  const started = performance.now();
  for (const s of stores) {
    const res = await fetch(`${s.url}/api/catalog/scan`, { method: 'POST', headers: { authorization: `Bearer ${s.token}` } });
    if (res.status !== 202) throw new Error(`${s.id}: POST /api/catalog/scan answered ${res.status} ${await res.text()}`);
  }
  let peakRss = 0;
  let added = 0;
  const finished = new Set<string>();
  await until(
    'every scan finished',
    async () => {
      for (const s of stores) {
        if (finished.has(s.id)) continue;
        const body = (await (await fetch(`${s.url}/api/catalog/scans?limit=1`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as {
          items: Array<{ status: string; counts: { store: { added: number } } }>;
        };
        const latest = body.items[0];
        if (latest && latest.status !== 'running') {
          finished.add(s.id);
          added += latest.counts.store.added;
        }
      }
      return finished.size === stores.length;
    },
    timeoutMs,
    () => (peakRss = Math.max(peakRss, procStatus(pid).rss)),
  );
  return { peakRss, added, seconds: (performance.now() - started) / 1000 };
}
