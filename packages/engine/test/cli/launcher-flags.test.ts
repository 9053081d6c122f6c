// The engine's node flags (a young generation of at most 2 × 2 MiB semi-spaces, one V8 worker
// thread; issue 11's memory goal, BENCHMARKS.md) reach node however an operator starts lojista: the
// bin's shebang for `npx lojista` and `./bin/lojista.js`, and the same flags on every launcher that
// runs `node <file>` itself (npm start, the PM2 ecosystems, the systemd unit). A node flag set at
// run time does not resize the young generation, so only the command line can carry it.
//
// The bin is run for real: a probe preloaded through NODE_OPTIONS churns short-lived objects before
// the CLI starts and reports, as the lojista process exits, node's flags, how large V8 let the young
// generation grow, and how many threads the process runs. It works whether or not dist/ is built (unbuilt, the bin exits 1 after the probe ran).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './cli-process.js';

const FLAGS = ['--max-semi-space-size=2', '--v8-pool-size=1'];
const FLAG_LINE = FLAGS.join(' ');
const BIN = join(REPO, 'packages/engine/bin/lojista.js');
const require = createRequire(import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'lojista-launcher-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Probe {
  execArgv: string[];
  /** new_space's size after the churn, in MiB: 2 × the semi-space V8 settled on. */
  newSpaceMiB: number;
  threads: number;
}

const probeFile = join(work, 'probe.cjs');
writeFileSync(
  probeFile,
  `const v8 = require('node:v8');
let keep = [];
for (let i = 0; i < 400000; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 50000) keep = []; }
const newSpace = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
const threads = require('node:fs').readdirSync('/proc/self/task').length;
const report = { execArgv: process.execArgv, newSpaceMiB: newSpace.space_size / 2 ** 20, threads };
// npx is a node process too, and NODE_OPTIONS reaches it: only the lojista process reports.
if (/lojista(\\.js)?$/.test(process.argv[1] || '')) process.on('exit', () => require('node:fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify(report)));
`,
);

/** Runs `command args…` with the probe preloaded and returns what it saw. */
function probe(command: string, args: string[]): Probe {
  const out = join(work, `out-${Math.random().toString(36).slice(2)}.json`);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_OPTIONS: `--require ${probeFile}`, PROBE_OUT: out };
  const r = spawnSync(command, args, { cwd: REPO, env, encoding: 'utf8', timeout: 60_000 });
  expect(r.error).toBeUndefined();
  return JSON.parse(readFileSync(out, 'utf8')) as Probe;
}

describe('the V8 young-generation cap reaches node from every launcher', () => {
  it('the bin run as an executable (as npx runs it) starts node with the flags: a small young generation, fewer V8 threads', () => {
    const viaShebang = probe(BIN, ['--version']);
    expect(viaShebang.execArgv).toEqual(FLAGS);
    expect(viaShebang.newSpaceMiB).toBeLessThanOrEqual(4);

    // The same churn under a bare `node bin/lojista.js` grows the young generation, with V8's default
    // 4 worker threads: the probe measures the flags.
    const bare = probe(process.execPath, [BIN, '--version']);
    expect(bare.execArgv).toEqual([]);
    expect(bare.newSpaceMiB).toBeGreaterThan(4);
    expect(viaShebang.threads).toBe(bare.threads - 3);
  });

  it('the bin reaches it through `npx lojista` (node_modules/.bin links the same file)', () => {
    const viaNpx = probe('npx', ['--offline', '--no-install', 'lojista', '--version']);
    expect(viaNpx.execArgv).toEqual(FLAGS);
    expect(viaNpx.newSpaceMiB).toBeLessThanOrEqual(4);
  });

  it('npm start runs node with the flags', () => {
    const start = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    expect(start).toMatch(new RegExp(`(^|&& )node ${FLAG_LINE} packages/engine/dist/cli/main\\.js serve$`));
  });

  it('every PM2 ecosystem passes them in node_args, and the systemd unit on node’s command line', () => {
    const stores = join(work, 'stores');
    mkdirSync(stores);
    writeFileSync(join(stores, 'astralmia.yaml'), 'name: A\n');
    const saved = process.env.LOJISTA_CONFIG_DIR;
    process.env.LOJISTA_CONFIG_DIR = stores;
    try {
      for (const file of ['ecosystem.stores.config.cjs', 'ecosystem.embedded.config.cjs', 'ecosystem.scale.config.cjs']) {
        const path = join(REPO, 'deploy', 'pm2', file);
        delete require.cache[require.resolve(path)];
        const apps = (require(path) as { apps: Array<{ name: string; node_args?: string[] }> }).apps;
        expect(apps.length, file).toBeGreaterThan(0);
        for (const app of apps) expect(app.node_args, `${file}: ${app.name}`).toEqual(FLAGS);
      }
    } finally {
      if (saved === undefined) delete process.env.LOJISTA_CONFIG_DIR;
      else process.env.LOJISTA_CONFIG_DIR = saved;
    }
    const unit = readFileSync(join(REPO, 'deploy', 'systemd', 'lojista@.service'), 'utf8');
    expect(unit).toMatch(new RegExp(`^ExecStart=/usr/bin/node ${FLAG_LINE} /opt/lojista/packages/engine/bin/lojista\\.js serve `, 'm'));
  });
});
