// deploy/pm2 and deploy/systemd: the per-store PM2 ecosystem finds the stores of a config folder
// the way the engine does and gives each its own process, log files and the deployment's namespace;
// the other ecosystems load; the systemd unit passes systemd-analyze verify.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStoreConfigs } from '../../src/stores/load-config.js';
import { REPO } from '../cli/cli-process.js';

const require = createRequire(import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'lojista-pm2-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface App {
  name: string;
  namespace: string;
  script: string;
  args: string[] | string;
  out_file?: string;
  error_file?: string;
  kill_timeout: number;
  env: Record<string, string>;
}

/** Loads an ecosystem file fresh, with these environment variables set while it loads. */
function ecosystem(file: string, env: Record<string, string> = {}): App[] {
  const path = join(REPO, 'deploy', 'pm2', file);
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    delete require.cache[require.resolve(path)];
    return (require(path) as { apps: App[] }).apps;
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

describe('deploy/pm2', () => {
  it('one process per store, with its own log files, in the deployment namespace', async () => {
    const stores = join(work, 'stores');
    mkdirSync(stores);
    const config = (port: number) => `name: S${port}\nhttp: { port: ${port} }\nniche: { keywords: [amethyst] }\npricing: { fx: { rate: "0.92", date: "2026-11-24" } }\n`;
    writeFileSync(join(stores, 'velas-da-lua.yaml'), config(4101));
    writeFileSync(join(stores, 'astralmia.yml'), config(4102));
    writeFileSync(join(stores, 'astralmia.secrets.json'), '{}');
    copyFileSync(join(REPO, 'stores', 'example.yaml'), join(stores, 'example.yaml'));
    const apps = ecosystem('ecosystem.stores.config.cjs', { LOJISTA_CONFIG_DIR: stores, LOJISTA_LOG_DIR: join(work, 'logs'), LOJISTA_PM2_NAMESPACE: 'shop-a', LOJISTA_OPERATOR_PORT_BASE: '9600' });

    // The same stores the engine would serve from that folder.
    expect(apps.map((a) => a.name)).toEqual((await loadStoreConfigs(stores)).map((s) => `shop-a-${s.id}`).sort());
    expect(apps.map((a) => a.name)).toEqual(['shop-a-astralmia', 'shop-a-velas-da-lua']);
    for (const [n, app] of apps.entries()) {
      const id = app.name.replace('shop-a-', '');
      expect(app.namespace).toBe('shop-a');
      expect(app.script).toBe(join(REPO, 'packages/engine/bin/lojista.js'));
      expect(app.args).toEqual(['serve', '--store', id, '--config-dir', stores, '--data-dir', join(REPO, 'data')]);
      expect(app.out_file).toBe(join(work, 'logs', `${id}.out.log`));
      expect(app.error_file).toBe(join(work, 'logs', `${id}.err.log`));
      expect(app.kill_timeout).toBeGreaterThan(Number(app.env.LOJISTA_SHUTDOWN_DEADLINE_MS));
      expect(app.env.LOJISTA_OPERATOR_PORT).toBe(String(9600 + n));
    }
  });

  it('refuses an empty config folder, naming it', () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    expect(() => ecosystem('ecosystem.stores.config.cjs', { LOJISTA_CONFIG_DIR: empty })).toThrow(`no store configs in ${empty}`);
  });

  it('the single-process and scale ecosystems have their namespaces and a kill timeout above the deadline', () => {
    const embedded = ecosystem('ecosystem.embedded.config.cjs');
    expect(embedded.map((a) => a.namespace)).toEqual(['lojista']);
    const scale = ecosystem('ecosystem.scale.config.cjs');
    expect(scale.map((a) => [a.name, a.namespace])).toEqual([
      ['lojista-a', 'lojista-scale'],
      ['lojista-b', 'lojista-scale'],
    ]);
    for (const app of [...embedded, ...scale]) expect(app.kill_timeout).toBeGreaterThan(10_000);
  });
});

const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;
if (!hasSystemdAnalyze) console.warn('\n!!! SKIPPING the systemd unit check: systemd-analyze is missing\n');

describe.skipIf(!hasSystemdAnalyze)('deploy/systemd', () => {
  it('lojista@.service passes systemd-analyze verify as an instance', () => {
    const dir = join(work, 'units');
    mkdirSync(dir);
    copyFileSync(join(REPO, 'deploy', 'systemd', 'lojista@.service'), join(dir, 'lojista@.service'));
    const r = spawnSync('systemd-analyze', ['verify', '--man=no', 'lojista@astralmia.service'], { cwd: dir, encoding: 'utf8' });
    // systemd-analyze exits 0 on unknown keys and bad values too; it says so on stderr.
    expect(r.stderr.split('\n').filter((l) => l.includes('lojista@')), r.stderr).toEqual([]);
    expect(r.status).toBe(0);
  });
});
