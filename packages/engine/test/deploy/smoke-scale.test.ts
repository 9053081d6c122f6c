// Runs deploy/smoke-scale.sh — the scale layout on one machine: a standalone CJ simulator, two
// engine instances on PostgreSQL + Redis, nginx in front — from the built dist/, on free
// ports. The script checks through nginx that both instances answer, that the first scan runs
// exactly once across them, and that one checkout is created and paid at CJ exactly once.
// Needs nginx (apt-get install -y nginx; .ci/run installs it), PostgreSQL and Redis: skipped loudly
// without them, a failure under LOJISTA_REQUIRE_SERVICES=1.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { postgresGate, redisGate, REQUIRE_SERVICES } from '@lojista/testkit';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/cli-process.js';
import { BUILT_CLI, BUILT_SIM } from '../support/built-cli.js';

const PATH = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`;
const hasNginx = spawnSync('nginx', ['-v'], { env: { ...process.env, PATH } }).status === 0;
if (!hasNginx) {
  if (REQUIRE_SERVICES) throw new Error('nginx is missing — install it: apt-get install -y nginx');
  console.warn('\n!!! SKIPPING the scale smoke test: nginx is missing — install it: apt-get install -y nginx\n');
}
const pg = await postgresGate();
const redis = await redisGate();

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Four free ports: the store, the store + 100 (instance B), the simulator, nginx. */
async function ports(): Promise<{ store: number; sim: number; nginx: number }> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const wanted = [base, base + 100, base + 1, base + 2];
    if ((await Promise.all(wanted.map(isFree))).every(Boolean)) return { store: base, sim: base + 1, nginx: base + 2 };
  }
}

describe.skipIf(!hasNginx || !pg.available || !redis.available)('deploy/smoke-scale.sh', () => {
  it('two instances behind nginx: both answer, one first scan, one order created and paid once', { timeout: 400_000 }, async () => {
    const p = await ports();
    const env: NodeJS.ProcessEnv = { ...process.env, PATH, DATABASE_URL: pg.url, REDIS_URL: redis.url };
    for (const k of Object.keys(env)) if (k.startsWith('VITEST') || k === 'NODE_OPTIONS' || (k.startsWith('LOJISTA_') && k !== 'LOJISTA_REQUIRE_SERVICES')) delete env[k];
    Object.assign(env, {
      SMOKE_PORT: String(p.store),
      SMOKE_SIM_PORT: String(p.sim),
      SMOKE_NGINX_PORT: String(p.nginx),
      SMOKE_LOJISTA: `node ${BUILT_CLI}`,
      SMOKE_CJ_SIM: `node ${BUILT_SIM}`,
    });
    const child = spawn('bash', [join(REPO, 'deploy', 'smoke-scale.sh')], { cwd: REPO, env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    console.log(out.split('\n').filter((l) => /^\[|SMOKE|answered by|CJ orders/.test(l)).join('\n'));
    expect(code, out).toBe(0);
    expect(out).toMatch(/answered by: .*127\.0\.0\.1:\d+.*127\.0\.0\.1:\d+/);
    expect(out).toContain('scan runs finished/total: 1/1');
    expect(out).toContain('CJ orders created: 1, CJ payments: 1');
    expect(out).toMatch(/SMOKE OK in \d+ s/);
  });
});
