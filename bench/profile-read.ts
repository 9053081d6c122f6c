// CPU profile of the public read path under wrk: one SQLite store filled by a scan of the demo niche,
// then wrk (a separate process) on one URL while this process profiles itself (node:inspector). Writes
// a .cpuprofile (open it in Chrome DevTools) and prints the top self-time functions and files.
//
//   node --conditions=source --import tsx bench/profile-read.ts [--seconds 6] [--path /api/catalog?limit=24] [--out /tmp/read.cpuprofile]
// In --path, :slug stands for the first product's slug and :category for its category's (e.g. /produto/:slug, /categoria/:category).
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { promisify } from 'node:util';
import { systemClock } from '../packages/engine/src/clock.js';
import { demoConfigInput } from '../packages/engine/src/runtime/demo-store.js';
import { categorySlug } from '../packages/engine/src/storefront/paths.js';
import { arg, openBenchStore, printLoadAtEnd, printMachine, startSimProcess } from './support.js';

const SECONDS = arg('seconds', 6);
const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const PATH = option('path', '/api/catalog?limit=24');
const OUT = option('out', '/tmp/lojista-read.cpuprofile');
const run = promisify(execFile);

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }

printMachine(`CPU profile of GET ${PATH} under wrk -t2 -c16 -d${SECONDS}s`);
const sim = await startSimProcess({ qps: 1000 });
const demo = demoConfigInput(systemClock, 4002);
const store = await openBenchStore({
  kind: 'sqlite',
  simBaseUrl: sim.baseUrl,
  engineQps: 1000,
  config: { niche: demo.niche, quality: demo.quality, catalog: { ...demo.catalog, pointsBudgetPerScan: 3_000 }, http: { port: 1, publicRateLimit: { max: 100_000_000 } } },
});
try {
  await store.runtime.scanNow({ trigger: 'cli' });
  const first = (await (await fetch(`${store.url}/api/catalog?limit=1`)).json()) as { total: number; items: Array<{ slug: string; category: string }> };
  const url = `${store.url}${PATH.replace(':slug', first.items[0]!.slug).replace(':category', categorySlug(first.items[0]!.category))}`;
  console.log(`${first.total} products; profiling ${url}`);
  await run('wrk', ['-t1', '-c4', '-d1s', url]);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const { stdout } = await run('wrk', ['-t2', '-c16', `-d${SECONDS}s`, url]);
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } };
  writeFileSync(OUT, JSON.stringify(profile));
  console.log(stdout);
  const total = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
  const idle = profile.nodes.filter((n) => ['(idle)', '(program)', '(garbage collector)'].includes(n.callFrame.functionName));
  for (const n of idle) console.log(`${n.callFrame.functionName}: ${((100 * (n.hitCount ?? 0)) / total).toFixed(1)}%`);
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const n of profile.nodes) {
    const file = n.callFrame.url.replace(/^.*node_modules\//, 'nm/').replace(/^.*packages\/engine\/src\//, 'src/') || '(native)';
    const key = `${n.callFrame.functionName || '(anon)'} ${file}:${n.callFrame.lineNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (n.hitCount ?? 0));
    const pkg = file.startsWith('nm/') ? file.split('/').slice(0, file.startsWith('nm/@') ? 3 : 2).join('/') : file;
    byFile.set(pkg, (byFile.get(pkg) ?? 0) + (n.hitCount ?? 0));
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, h]) => `${((100 * h) / total).toFixed(1).padStart(5)}%  ${name}`).join('\n');
  console.log(`\nself time by package or file:\n${top(byFile, 25)}\n\nself time by function:\n${top(byFn, 40)}`);
} finally {
  await store.close();
  await sim.close();
}
printLoadAtEnd();
