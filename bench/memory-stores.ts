// Issue 11's memory row: RSS of one `lojista serve` process (the built dist/, as production runs it)
// serving 3 SQLite stores of 2,000 products each, idle after their first scans, against the CJ
// simulator in its own process. The bench builds the catalogues itself: before the engine starts it
// writes 2,000 generated products (3 variants, a ~1 KB description, 3 images each) into each store's
// database through the engine's own saveProduct, then the engine runs a first scan per store (all at
// once) on top of them. Baselines in the same run: an empty Node process (the floor), and the same
// engine idle before the scans.
//
//   npm run build   # the bench refuses a dist/ older than the sources
//   node --conditions=source --import tsx bench/memory-stores.ts [--stores 3] [--products 2000] [--points 600] [--idle 5] [--snapshot DIR]
//        [--launch bin|node] [--variant "MALLOC_ARENA_MAX=2 --max-semi-space-size=2"]… [--baseline /path/to/other/packages/engine/dist/cli/main.js]
//
// --launch bin (the default) runs packages/engine/bin/lojista.js as an executable, as `npx lojista`
// does, so whatever its shebang carries applies; --launch node runs `node dist/cli/main.js serve`, the
// way the bench ran before the bin carried any flag (and a plain `node` launcher still does).
// Each --variant is one more run of this build with extra environment (NAME=value) and node flags
// (--flag; given on node's command line, so the bin's own shebang flags must be listed again); the catalogues are built once and copied for every run. --snapshot DIR writes a V8 heap
// snapshot of each idle engine there (node --heapsnapshot-signal). After the scans each run prints the
// engine's resident memory by mapping (/proc/<pid>/smaps).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { saveProduct } from '../packages/engine/src/catalog/catalog-repository.js';
import type { StoredProduct } from '../packages/engine/src/catalog/product.js';
import { openDatabase, targetForStore } from '../packages/engine/src/db/connect.js';
import { migrateToLatest } from '../packages/engine/src/db/migrate.js';
import { envVarName } from '../packages/engine/src/stores/secrets.js';
import { freePort } from '../packages/engine/test/support/store-harness.js';
import { arg, exited, fmt, printLoadAtEnd, printMachine, procStatus, residentByMapping, ROOT, sampleMemory, scanEveryStore, type ServedStore, sleep, startSimProcess, table, until } from './support.js';

const STORES = arg('stores', 3);
const PRODUCTS = arg('products', 2000);
const POINTS = arg('points', 600);
const IDLE_S = arg('idle', 5);
const snapshotAt = process.argv.indexOf('--snapshot');
const SNAPSHOT_DIR = snapshotAt >= 0 ? process.argv[snapshotAt + 1]! : null;
const launchAt = process.argv.indexOf('--launch');
const LAUNCH = launchAt >= 0 ? process.argv[launchAt + 1]! : 'bin';
if (LAUNCH !== 'bin' && LAUNCH !== 'node') throw new Error('--launch is bin or node');
/** Extra runs of this build: environment (NAME=value) and node flags (--flag), space-separated. */
const VARIANTS = process.argv.flatMap((a, i) => (a === '--variant' ? [process.argv[i + 1]!] : []));
const MiB = 2 ** 20;
const MAIN = join(ROOT, 'packages/engine/dist/cli/main.js');
const baselineAt = process.argv.indexOf('--baseline');
/** Another build's dist/cli/main.js (e.g. main's checkout) measured first, in the same run. */
const BASELINE = baselineAt >= 0 ? process.argv[baselineAt + 1]! : null;

/** The newest modification time under `dir` among files ending in one of `exts`. */
function newest(dir: string, exts: string[]): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path, exts));
    else if (exts.some((e) => entry.name.endsWith(e)) && !entry.name.endsWith('.d.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

const CATEGORIES = ['Cristais', 'Tarot e Adivinhação', 'Incenso', 'Velas', 'Pulseiras', 'Taças Tibetanas', 'Pêndulos', 'Óleos'];
const WORDS = ['ametista', 'quartzo rosa', 'citrino', 'obsidiana', 'lavanda', 'sândalo', 'chakra', 'lua', 'sol', 'mandala', 'lótus', 'turmalina'];

/** A generated product shaped like a scanned one (3 variants, ~1 KB of description, 3 images). */
function generated(store: string, n: number): StoredProduct {
  const id = `${store}-p${String(n).padStart(5, '0')}`;
  const at = new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString();
  const word = WORDS[n % WORDS.length]!;
  const category = CATEGORIES[n % CATEGORIES.length]!;
  const title = `${category.split(' ')[0]} de ${word} ${n}`;
  const description = Array.from({ length: 8 }, (_, i) => `${title}: linha ${i + 1} da descrição, com material, medidas e cuidados.`).join('\n');
  const price = 900 + (n % 50) * 37;
  return {
    id,
    cjPid: `BENCH-${id}`,
    slug: `${word.replace(/\s/g, '-')}-${store}-${n}`,
    status: 'active',
    hiddenReason: null,
    title,
    description,
    titleEn: `${word} ${n}`,
    descriptionEn: description,
    titleEdited: false,
    descriptionEdited: false,
    category,
    tags: [word, category.toLowerCase()],
    images: [1, 2, 3].map((i) => `https://img.example/${id}/${i}.jpg`),
    seoTitle: `${title} | Loja`,
    seoDescription: description.slice(0, 150),
    currency: 'EUR',
    priceMinor: price,
    priceOverrideMinor: null,
    landedMinor: Math.round(price * 0.4),
    marginMinor: Math.round(price * 0.5),
    marginPct: '50.0',
    costUsd: '3.20',
    shippingUsd: '2.10',
    logisticName: 'CJPacket Ordinary',
    deliveryMinDays: 8,
    deliveryMaxDays: 13,
    fxDate: '2026-11-20',
    score: 30 + (n % 60),
    fingerprint: `${word} ${n}#3|${n}`,
    listedNum: 10,
    cjCategoryId: null,
    cjListingHash: `hash-${n}`,
    notFoundCount: 0,
    createdAt: at,
    updatedAt: at,
    lastSyncedAt: at,
    variants: ['P', 'M', 'G'].map((size, i) => ({
      id: `${id}-v${i}`,
      cjVid: `BENCH-${id}-${size}`,
      sku: `SKU-${id}-${size}`,
      options: [{ name: 'Tamanho', value: size }],
      costUsd: '3.20',
      priceMinor: price + i * 100,
      stock: 50 + i,
      stockDetail: [{ countryCode: 'CN', quantity: 50 + i }],
      onSale: true,
      image: null,
      weightGrams: 80,
      position: i,
    })),
  };
}

async function fillStore(dataDir: string, id: string): Promise<void> {
  const database = await openDatabase(targetForStore(id, { dataDir }));
  try {
    await migrateToLatest(database);
    // The bench's own connection only: durable commits would make the fill take minutes.
    database.sqlite!.pragma('synchronous = OFF');
    for (let n = 1; n <= PRODUCTS; n++) await saveProduct(database.db, generated(id, n));
  } finally {
    await database.close();
  }
}

interface Run {
  label: string;
  mainJs: string;
  /** Extra environment, and node flags (on node's command line, in place of the bin's shebang flags). */
  env: Record<string, string>;
  nodeFlags: string[];
}

function variant(spec: string): Pick<Run, 'env' | 'nodeFlags'> {
  const env: Record<string, string> = {};
  const nodeFlags: string[] = [];
  for (const token of spec.split(' ').filter(Boolean)) {
    if (token.startsWith('--')) nodeFlags.push(token);
    else {
      const [name, ...value] = token.split('=');
      env[name!] = value.join('=');
    }
  }
  return { env, nodeFlags };
}

async function main(): Promise<void> {
  const builtAt = newest(join(ROOT, 'packages/engine/dist'), ['.js']);
  const sourcesAt = Math.max(newest(join(ROOT, 'packages/engine/src'), ['.ts', '.tsx']), newest(join(ROOT, 'packages/cj/src'), ['.ts']));
  if (builtAt < sourcesAt) throw new Error('packages/engine/dist is older than the sources: run `npm run build` first');
  printMachine(`memory: one \`lojista serve\` (dist/, launched ${LAUNCH === 'bin' ? 'as the bin lojista.js, as npx does' : 'as node dist/cli/main.js'}) with ${STORES} SQLite stores of ${PRODUCTS} products, simulator in its own process, first scan ${POINTS} CJ points each`);

  const floorChild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await sleep(1_500);
  const floor = (await sampleMemory(floorChild.pid!, 2)).rss;
  floorChild.kill('SIGTERM');
  await exited(floorChild);

  const template = mkdtempSync(join(tmpdir(), 'lojista-bench-mem3-template-'));
  const fillStart = performance.now();
  for (let i = 0; i < STORES; i++) await fillStore(template, storeId(i));
  console.log(`catalogues built: ${STORES} × ${PRODUCTS} products in ${fmt((performance.now() - fillStart) / 1000, 1)} s`);

  const runs: Run[] = [];
  // The other build first (the baseline), then this one, then its variants; each on fresh copies of
  // the catalogues and a fresh simulator.
  if (BASELINE) runs.push({ label: 'baseline build', mainJs: BASELINE, env: {}, nodeFlags: [] });
  runs.push({ label: 'this build', mainJs: MAIN, env: {}, nodeFlags: [] });
  for (const spec of VARIANTS) runs.push({ label: `this build + ${spec}`, mainJs: MAIN, ...variant(spec) });
  const rows: string[][] = [['empty `node` (floor)', fmt(floor / MiB, 0), '', '', '']];
  try {
    for (const run of runs) rows.push(...(await measure(run, template)));
  } finally {
    rmSync(template, { recursive: true, force: true });
  }
  console.log('');
  console.log(table(['process', 'RSS MiB (median)', 'heap used / total MiB', 'external MiB', 'note'], rows));
}

const storeId = (i: number) => `mem-${String.fromCharCode(97 + i)}`;

async function measure(run: Run, template: string): Promise<string[][]> {
  const { label, mainJs } = run;
  const sim = await startSimProcess({ qps: 1000 });
  const configDir = mkdtempSync(join(tmpdir(), 'lojista-bench-mem3-config-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'lojista-bench-mem3-data-'));
  cpSync(template, dataDir, { recursive: true });
  const heapFile = join(dataDir, 'heap.json');
  const probe = join(dataDir, 'heap-probe.cjs');
  writeFileSync(probe, `const fs = require('node:fs'); setInterval(() => fs.writeFileSync(${JSON.stringify(heapFile)}, JSON.stringify(process.memoryUsage())), 250).unref();\n`);
  const nodeOptions = ['--require', probe, ...(SNAPSHOT_DIR ? ['--heapsnapshot-signal=SIGUSR2'] : [])];
  const env: NodeJS.ProcessEnv = { ...process.env, LOJISTA_LOG_LEVEL: 'warn', ...run.env, NODE_OPTIONS: nodeOptions.join(' ') };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const stores: ServedStore[] = [];
  for (let i = 0; i < STORES; i++) {
    const id = storeId(i);
    const port = await freePort();
    const token = randomBytes(24).toString('hex');
    env[envVarName(id, 'adminToken')] = token;
    writeFileSync(
      join(configDir, `${id}.json`),
      JSON.stringify({
        name: `Memory bench ${id}`,
        http: { port },
        cj: { qps: 6, baseUrl: sim.baseUrl },
        niche: { keywords: ['amethyst', 'rose quartz', 'tarot cards', 'incense', 'singing bowl', 'chakra bracelet'] },
        pricing: { fx: { rate: '0.92', date: new Date().toISOString().slice(0, 10) } },
        catalog: { maxProducts: PRODUCTS + 500, pageSize: 40, pointsBudgetPerScan: POINTS },
        schedules: { scanOnFirstStart: false },
      }),
    );
    stores.push({ id, url: `http://127.0.0.1:${port}`, token });
  }

  const t0 = performance.now();
  const args = ['--config-dir', configDir, '--data-dir', dataDir, 'serve'];
  // The bin next to this dist/ (packages/engine/bin/lojista.js), run as an executable: its shebang applies.
  const bin = join(dirname(dirname(dirname(mainJs))), 'bin', 'lojista.js');
  // A variant's node flags go on node's command line (most V8 flags are refused in NODE_OPTIONS), so
  // such a run starts `node <flags> <bin>` and the bin's shebang flags do not apply: list them too.
  const child =
    LAUNCH === 'bin' && run.nodeFlags.length === 0
      ? spawn(bin, args, { cwd: SNAPSHOT_DIR ?? ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn(process.execPath, [...run.nodeFlags, LAUNCH === 'bin' ? bin : mainJs, ...args], { cwd: SNAPSHOT_DIR ?? ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (SNAPSHOT_DIR) mkdirSync(SNAPSHOT_DIR, { recursive: true });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + String(c)).slice(-4000)));
  const pid = child.pid!;
  try {
    for (const s of stores) await until(`${s.id} /health`, async () => (await fetch(`${s.url}/health`)).ok, 120_000);
    const startS = (performance.now() - t0) / 1000;
    for (const s of stores) {
      const { total } = (await (await fetch(`${s.url}/api/catalog?limit=1`)).json()) as { total: number };
      if (total < PRODUCTS) throw new Error(`${s.id} serves ${total} products, not ${PRODUCTS}`);
    }
    await sleep(3_000);
    const before = await sampleMemory(pid, IDLE_S, heapFile);

    const { peakRss: peak, added, seconds: scanS } = await scanEveryStore(stores, pid, 300_000);
    await sleep(3_000);
    const after = await sampleMemory(pid, IDLE_S, heapFile);
    const mapped = Object.entries(residentByMapping(pid)).sort((a, b) => b[1] - a[1]);
    console.log(`${label}, idle after the scans, resident by mapping: ${mapped.map(([what, bytes]) => `${what} ${fmt(bytes / MiB, 1)}`).join(', ')} MiB`);
    const hwm = procStatus(pid).hwm; // before the snapshot, which takes its own memory
    if (SNAPSHOT_DIR) {
      child.kill('SIGUSR2');
      await sleep(5_000);
      console.log(`heap snapshot written to ${SNAPSHOT_DIR}`);
    }
    return [
      [`${label}: lojista serve, ${STORES} stores × ${PRODUCTS} products, idle before scans`, fmt(before.rss / MiB, 0), `${fmt(before.heap / MiB, 0)} / ${fmt(before.heapTotal / MiB, 0)}`, fmt(before.external / MiB, 0), `up in ${fmt(startS, 1)} s`],
      [`${label}: idle after the first scans (issue 11: ≤ 150)`, fmt(after.rss / MiB, 0), `${fmt(after.heap / MiB, 0)} / ${fmt(after.heapTotal / MiB, 0)}`, fmt(after.external / MiB, 0), `scans added ${added} products in ${fmt(scanS, 1)} s; peak ${fmt(peak / MiB, 0)} MiB, VmHWM ${fmt(hwm / MiB, 0)} MiB`],
    ];
  } catch (err) {
    console.error(stderr);
    throw err;
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited(child), sleep(15_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await sim.close();
    rmSync(configDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
printLoadAtEnd();
