// deploy/prometheus: the alert rules load (promtool check rules), each alert fires on the series
// that should fire it and stays quiet otherwise (promtool test rules, lojista-alerts.test.yml), and
// prometheus.yml with its rule file is a valid configuration (promtool check config). promtool comes
// with Debian's prometheus package (.ci/run installs it); without it these tests are skipped loudly,
// or fail under LOJISTA_REQUIRE_SERVICES=1.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REQUIRE_SERVICES } from '@lojista/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../cli/cli-process.js';

const DIR = join(REPO, 'deploy', 'prometheus');
const hasPromtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasPromtool) {
  if (REQUIRE_SERVICES) throw new Error('promtool is missing — install it: apt-get install -y prometheus');
  console.warn('\n!!! SKIPPING the Prometheus rule tests: promtool is missing — install it: apt-get install -y prometheus\n');
}
const work = mkdtempSync(join(tmpdir(), 'lojista-promtool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const promtool = (args: string[], cwd = DIR) => spawnSync('promtool', args, { cwd, encoding: 'utf8', timeout: 60_000 });

describe.skipIf(!hasPromtool)('deploy/prometheus', () => {
  it('the alert rules pass promtool check rules', () => {
    const r = promtool(['check', 'rules', 'lojista-alerts.yml']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/SUCCESS: 7 rules found/);
  });

  it('each alert fires when it should and not otherwise (promtool test rules)', () => {
    const r = promtool(['test', 'rules', 'lojista-alerts.test.yml']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    // Every rule is exercised by the unit tests.
    const alerts = [...readFileSync(join(DIR, 'lojista-alerts.yml'), 'utf8').matchAll(/- alert: (\w+)/g)].map((m) => m[1]);
    const tested = new Set([...readFileSync(join(DIR, 'lojista-alerts.test.yml'), 'utf8').matchAll(/alertname: (\w+)/g)].map((m) => m[1]));
    expect(alerts.filter((a) => !tested.has(a))).toEqual([]);
  });

  it('prometheus.yml loads with its rule file (promtool check config)', () => {
    // The token file named in prometheus.yml exists only on a server; a stand-in here.
    const token = join(work, 'token');
    writeFileSync(token, 'x'.repeat(32));
    writeFileSync(join(work, 'prometheus.yml'), readFileSync(join(DIR, 'prometheus.yml'), 'utf8').replace('/etc/prometheus/lojista-operator-token', token));
    copyFileSync(join(DIR, 'lojista-alerts.yml'), join(work, 'lojista-alerts.yml'));
    const r = promtool(['check', 'config', 'prometheus.yml'], work);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/SUCCESS: 7 rules found/);
  });
});
