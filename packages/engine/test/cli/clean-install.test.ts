// A new user's first commands: after `npm ci` on a fresh clone, `npx lojista …` and `npx cj-sim …`
// must run. npm links a workspace's bins while it installs — before `prepare` has built dist/ — and
// silently skips a bin whose file does not exist yet, so bins that pointed into dist/ were never
// linked ("could not determine executable to run"). This test clones the committed HEAD, installs it
// the way a user does, and runs both commands.
//
// Two shortcuts keep it near 20 s, neither touching what is tested (npm's linking of the bins,
// which happens before any lifecycle script): `--ignore-scripts`, because the full install would
// also compile better-sqlite3 from source (minutes here) and is run by .ci/run anyway; and the
// compiled dist/ folders are copied from this checkout (built by that `npm ci`) instead of being
// compiled a second time, or compiled in the clone when this checkout has none.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './cli-process.js';

const isGitCheckout = spawnSync('git', ['-C', REPO, 'rev-parse', '--is-inside-work-tree'], { encoding: 'utf8' }).stdout.trim() === 'true';
const PACKAGES_WITH_DIST = ['cj', 'cj-sim', 'engine'];
const dir = mkdtempSync(join(tmpdir(), 'lojista-clean-install-'));
// The clone holds a whole node_modules: deleting it takes a minute or more on a busy machine.
afterAll(() => rm(dir, { recursive: true, force: true }), 300_000);

function run(cmd: string, args: string[], cwd: string, timeoutMs = 150_000) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  for (const k of Object.keys(env)) if (k.startsWith('VITEST') || k === 'NODE_OPTIONS') delete env[k];
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs });
}

describe.skipIf(!isGitCheckout)('a clean install of the committed HEAD', () => {
  it('links the lojista and cj-sim bins at install time, and both answer --help once built', { timeout: 300_000 }, () => {
    const clone = join(dir, 'lojista');
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', REPO, clone]);
    const install = run('npm', ['ci', '--prefer-offline', '--ignore-scripts'], clone);
    expect(install.status, `npm ci failed:\n${install.stderr}`).toBe(0);

    // Linked before anything was built: the bin files are committed, not build output.
    for (const bin of ['lojista', 'cj-sim']) {
      const link = join(clone, 'node_modules', '.bin', bin);
      expect(existsSync(link) && lstatSync(link).isSymbolicLink(), `node_modules/.bin/${bin} after npm ci`).toBe(true);
    }
    const unbuilt = run('npx', ['--offline', 'lojista', '--help'], clone);
    expect(unbuilt.status).toBe(1);
    expect(unbuilt.stderr).toContain('lojista is not built yet: run "npm run build"');

    if (PACKAGES_WITH_DIST.every((p) => existsSync(join(REPO, 'packages', p, 'dist')))) {
      for (const p of PACKAGES_WITH_DIST) cpSync(join(REPO, 'packages', p, 'dist'), join(clone, 'packages', p, 'dist'), { recursive: true });
    } else {
      const build = run('npm', ['run', 'build'], clone);
      expect(build.status, `build failed:\n${build.stdout}${build.stderr}`).toBe(0);
    }

    const lojista = run('npx', ['--offline', 'lojista', '--help'], clone, 60_000);
    expect(lojista.stderr).not.toContain('could not determine executable');
    expect(lojista.status, lojista.stderr).toBe(0);
    expect(lojista.stdout).toMatch(/^Usage: lojista \[options\] \[command\]/);
    const sim = run('npx', ['--offline', 'cj-sim', '--help'], clone, 60_000);
    expect(sim.status, sim.stderr).toBe(0);
    expect(sim.stdout).toMatch(/^Usage: cj-sim \[options\]/);
  });
});

describe.skipIf(isGitCheckout)('a clean install (not a git checkout)', () => {
  it.skip('needs a git checkout to clone; run from a clone of the repository', () => undefined);
});
