// The real `lojista` CLI, spawned from the repository root with temporary config and data folders:
// help and exit codes, init, migrate, scan against the in-process simulator, status, cj balance,
// invalid configs, and serve's demo with a clean SIGTERM.
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { MIGRATIONS } from '../../src/db/migrate.js';
import { loadStoreConfigFile } from '../../src/stores/load-config.js';
import { loadSecrets } from '../../src/stores/secrets.js';
import { FormClient } from '../support/form-client.js';
import { freePort } from '../support/store-harness.js';
import { Cli, stdoutJson, type CliResult } from './cli-process.js';

const clis = new Map<string, Cli>();
/** A CLI with its own folders for the current test; its children are killed after the test. */
function cliFor(taskId: string): Cli {
  const cli = new Cli();
  clis.set(taskId, cli);
  return cli;
}
afterEach(({ task }) => {
  clis.get(task.id)?.killAll();
  clis.delete(task.id);
});
afterAll(() => {
  for (const cli of clis.values()) cli.killAll();
});

const show = (r: CliResult) => `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;

describe.concurrent('the lojista CLI', () => {
  it('prints help for every command and exits 0', { timeout: 900_000 }, async ({ task }) => {
    const cli = cliFor(task.id);
    // Every command and subcommand, walked on the program itself (in this process: one child per
    // command cost about 34 s), so a new command is covered too; its help as commander prints it.
    const helps = new Map<string, string>();
    const walk = (command: Command, path: string[]) => {
      let out = '';
      command.configureOutput({ writeOut: (text) => void (out += text), getOutHelpWidth: () => 80 }); // a pipe's width, as the child has
      command.outputHelp();
      helps.set(path.join(' '), out);
      for (const sub of command.commands) if (sub.name() !== 'sim') walk(sub, [...path, sub.name()]);
    };
    walk(buildProgram(), []);
    for (const [name, help] of helps) expect(help, `${name} --help`).toContain(`Usage: lojista${name ? ` ${name}` : ''}`);
    expect([...helps.keys()]).toEqual(expect.arrayContaining(['', 'serve', 'demo', 'init', 'scan', 'status', 'migrate', 'cj', 'cj ping', 'cj balance', 'cj webhooks enable', 'admin totp enable']));
    expect(helps.get('scan')).toContain('--budget <points>');
    expect(helps.get('')).toMatch(/Exit codes: 0 ok · 1 failure · 2 invalid usage or configuration/);
    // The real command line prints the same and exits 0, for the top level and a nested command;
    // `sim` hands its arguments to the simulator's own command line.
    const [top, nested, sim] = await Promise.all([
      cli.run(['--help'], { globals: false }),
      cli.run(['cj', 'webhooks', 'enable', '--help'], { globals: false }),
      cli.run(['sim', '--help'], { globals: false }),
    ]);
    expect(top!.code, show(top!)).toBe(0);
    expect(top!.stdout).toBe(helps.get(''));
    expect(nested!.code, show(nested!)).toBe(0);
    expect(nested!.stdout).toBe(helps.get('cj webhooks enable'));
    expect(sim!.code, show(sim!)).toBe(0);
    expect(sim!.stdout + sim!.stderr).toMatch(/--port/);
  });

  it('exits 2 on an unknown flag or a bad option value', { timeout: 900_000 }, async ({ task }) => {
    const cli = cliFor(task.id);
    const [flag, missing] = await Promise.all([cli.run(['status', '--bogus']), cli.run(['scan', '--budget', '0'])]);
    expect(flag!.code, show(flag!)).toBe(2);
    expect(flag!.stderr).toContain("unknown option '--bogus'");
    expect(missing!.code, show(missing!)).toBe(2);
    expect(missing!.stderr).toMatch(/--budget must be a whole number ≥ 1|required option '--store <id>' not specified/);
  });

  it('init, migrate, scan, status and cj balance on a store without a CJ key', { timeout: 900_000 }, async ({ task }) => {
    const cli = cliFor(task.id);
    const port = await freePort();

    // init writes a loadable config and a 0600 secrets file with a fresh admin token.
    const init = await cli.run(['init', '--id', 'loja-teste', '--name', 'Loja Teste', '--port', String(port), '--keywords', 'selenite, rune', '--yes']);
    expect(init.code, show(init)).toBe(0);
    const file = join(cli.configDir, 'loja-teste.yaml');
    const secretsFile = join(cli.configDir, 'loja-teste.secrets.json');
    expect(init.stdout).toContain(`Created ${file} and ${secretsFile} (mode 600, with a new admin token).`);
    const { config } = await loadStoreConfigFile(file);
    expect(config).toMatchObject({ name: 'Loja Teste', http: { port }, niche: { keywords: ['selenite', 'rune'] }, locale: 'pt-PT', currency: 'EUR' });
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    const token = (await loadSecrets('loja-teste', secretsFile, {})).get('adminToken');
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(init.stdout + init.stderr).not.toContain(token);

    // The simulator accepts CJ's top QPS level: the scan below then takes seconds, not half a minute.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}qps: 1 /m, '  qps: 6 '));

    // It refuses to overwrite (run beside the first migrate: refusing touches nothing).
    const [again, migrated] = await Promise.all([cli.run(['init', '--id', 'loja-teste', '--port', String(port), '--yes']), cli.run(['migrate'])]);
    expect(again!.code, show(again!)).toBe(2);
    expect(again!.stderr).toContain(`${file} already exists; edit it instead`);
    expect(readFileSync(secretsFile, 'utf8')).toContain(token!);

    // migrate applies every migration, then nothing.
    expect(migrated!.code, show(migrated!)).toBe(0);
    expect(stdoutJson(migrated!)).toEqual({ 'loja-teste': Object.keys(MIGRATIONS) });
    const nothing = await cli.run(['migrate', '--store', 'loja-teste']);
    expect(nothing.code, show(nothing)).toBe(0);
    expect(stdoutJson(nothing)).toEqual({ 'loja-teste': [] });

    // scan: the in-process simulator, a progress line on stderr and a JSON summary on stdout.
    const scan = await cli.run(['scan', '--store', 'loja-teste', '--budget', '300']);
    expect(scan.code, show(scan)).toBe(0);
    expect(scan.stderr).toMatch(/\[[#.]{20}\] found \d+ · new \d+ · details \d+ · passed \d+ · stored \d+ · rejected \d+ \| CJ calls \d+ · points \d+\/300 · \d+:\d\d elapsed · ETA/);
    const summary = stdoutJson<{ status: string; note: string | null; cjCalls: number; points: number; counts: { store: { added: number }; search: { found: number } } }>(scan);
    expect(summary.status).toBe('finished');
    expect(summary.points).toBeGreaterThan(0);
    expect(summary.points).toBeLessThanOrEqual(300);
    expect(summary.counts.search.found).toBeGreaterThan(0);
    expect(summary.counts.store.added).toBeGreaterThan(0);

    // Then, each in a new process: cj balance (a new simulator: the store's CJ calls must work
    // again right after the scan's) and status (JSON for the store, with the scan just run).
    const [balance, status] = await Promise.all([cli.run(['cj', 'balance', '--store', 'loja-teste']), cli.run(['status'])]);
    expect(balance!.code, show(balance!)).toBe(0);
    expect(stdoutJson(balance!)).toEqual({ store: 'loja-teste', supplier: 'SIMULATED', amount: '10000.00' });
    expect(status!.code, show(status!)).toBe(0);
    const [row] = stdoutJson<Array<Record<string, unknown>>>(status!);
    expect(row).toMatchObject({
      store: 'loja-teste',
      name: 'Loja Teste',
      port,
      supplier: 'SIMULATED (CJ simulator)',
      database: 'sqlite',
      products: { active: summary.counts.store.added, hidden: 0, retired: 0 },
      lastScan: { status: 'finished', cjCalls: summary.cjCalls },
    });
  });

  it('refuses an invalid config in status and serve with exit 2, naming the file and the key', { timeout: 900_000 }, async ({ task }) => {
    const cli = cliFor(task.id);
    mkdirSync(cli.configDir, { recursive: true });
    const file = join(cli.configDir, 'velas.yaml');
    writeFileSync(
      file,
      stringify({ name: 'Velas', http: { port: await freePort() }, niche: { keywords: ['candle'] }, pricing: { fx: { date: '2026-11-20' } }, catalog: { maxProduct: 10 } }),
    );
    const [status, serve] = await Promise.all([cli.run(['status']), cli.run(['serve', '--store', 'velas'])]);
    for (const r of [status!, serve!]) {
      expect(r.code, show(r)).toBe(2);
      expect(r.stderr).toContain(`Invalid configuration in ${file}:`);
      expect(r.stderr).toContain('  - catalog.maxProduct: is not a known setting');
    }
  });

  it('serves the demo on an empty config folder, says the supplier is simulated, and exits 0 on SIGTERM', { timeout: 900_000 }, async ({ task }) => {
    const cli = cliFor(task.id);
    const port = await freePort();
    const serve = await cli.start(['serve', '--port', String(port)], { env: { LOJISTA_SHUTDOWN_DEADLINE_MS: '3000' } });
    const banner = await serve.waitForStdout(/Stop with Ctrl-C/, 120_000);
    const url = `http://127.0.0.1:${port}`;
    expect(banner).toContain(`No store configs in ${cli.configDir}: starting the built-in demo store.`);
    expect(banner).toContain('!! THE SUPPLIER IS SIMULATED');
    for (const path of ['/api/catalog', '/api/catalog/featured', '/health', '/api/docs']) expect(banner).toContain(`${url}${path}`);
    // The console opens with the password the banner shows (made at random on the first run).
    const password = /\/admin {3}password: (\S+)/.exec(banner)?.[1];
    expect(password).toBeDefined();
    const console = new FormClient(url);
    expect((await console.submit('/admin/entrar', '/admin/entrar', { password: password! })).status).toBe(303);
    // The banner starts with the storefront (log lines before it are the engine's), and it answers with the shop.
    const block = banner.slice(banner.indexOf('\n  Storefront'));
    expect(/https?:\/\/\S+/.exec(block)?.[0]).toBe(`${url}/`);
    expect(banner.indexOf('\n  Storefront')).toBeLessThan(banner.indexOf('lojista demo —'));
    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('ASTRALMIA (demo)');
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'astralmia', supplier: { mode: 'simulated' } });

    const signalled = Date.now();
    serve.child.kill('SIGTERM');
    const exit = await serve.exited;
    expect(exit.code, show(exit)).toBe(0);
    // The deadline for in-flight work is 3 s; the rest is closing the listener and the simulator.
    expect(Date.now() - signalled).toBeLessThan(10_000);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
