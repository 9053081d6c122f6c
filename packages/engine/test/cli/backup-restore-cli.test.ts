// `lojista backup` and `lojista restore` as the CLI runs them (their command functions, on a real
// config folder), beside a store served by the engine: a backup while it serves, a restore refused
// with exit 3 while it runs, then — once stopped — a check without --yes and a restore with it.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backup, listStoreBackups } from '../../src/cli/commands/backup.js';
import { restore } from '../../src/cli/commands/restore.js';
import type { CliEnv } from '../../src/cli/env.js';
import { CliError, EXIT } from '../../src/cli/exit-codes.js';
import { startEngine, type Engine } from '../../src/runtime/engine.js';
import { silentLogger } from '../support/logger.js';
import { freePort } from '../support/store-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'lojista-cli-backup-'));
const id = `cli${randomBytes(3).toString('hex')}`;
let engine: Engine | null = null;
afterAll(async () => {
  await engine?.stop(2_000);
  rmSync(dir, { recursive: true, force: true });
});

const env: CliEnv = { configDir: join(dir, 'stores'), dataDir: join(dir, 'data'), log: silentLogger(), version: 'test' };

async function refusal(p: Promise<unknown>): Promise<CliError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(CliError);
  return err as CliError;
}

describe('lojista backup / restore', () => {
  it('backs up a serving store, refuses to restore it while it runs, restores it once stopped', { timeout: 120_000 }, async () => {
    mkdirSync(env.configDir, { recursive: true });
    writeFileSync(
      join(env.configDir, `${id}.yaml`),
      `name: CLI\nhttp: { port: ${await freePort()} }\nniche: { keywords: [amethyst] }\npricing: { fx: { rate: "0.92", date: "2026-11-24" } }\nschedules: { scanOnFirstStart: false }\n`,
    );
    const secrets = join(env.configDir, `${id}.secrets.json`);
    writeFileSync(secrets, JSON.stringify({ adminToken: randomBytes(24).toString('hex') }));
    chmodSync(secrets, 0o600);
    engine = await startEngine({ configDir: env.configDir, dataDir: env.dataDir, only: id, log: silentLogger(), version: 'test' });
    const db = engine.stores[0]!.ctx.db;
    await db.insertInto('leads').values({ id: 'l1', name: 'Ana', email: 'ana@example.pt', source: 'test', consent: 1, created_at: new Date().toISOString() }).execute();

    const [taken] = await backup(env, { store: id });
    expect(taken).toMatchObject({ store: id, kind: 'sqlite', tables: expect.objectContaining({ leads: 1 }) });
    expect((await listStoreBackups(env, { store: id })).map((b) => b.backup)).toEqual([taken!.backup]);
    await db.insertInto('leads').values({ id: 'l2', name: 'Rui', email: 'rui@example.pt', source: 'test', consent: 1, created_at: new Date().toISOString() }).execute();

    const running = await refusal(restore(env, { store: id, yes: true }));
    expect(running.exitCode).toBe(EXIT.busy);
    expect(running.message).toMatch(new RegExp(`store ${id} is running or busy.*lease serving:`));
    expect((await refusal(restore(env, { store: id }))).exitCode).toBe(EXIT.busy);

    await engine.stop(2_000);
    engine = null;
    const missing = await refusal(restore(env, { store: id, from: join(dir, 'nowhere'), yes: true }));
    expect(missing.exitCode).toBe(EXIT.failure);
    expect(missing.message).toMatch(/restore refused, nothing was replaced: .*has no manifest\.json/);

    expect(await restore(env, { store: id })).toMatchObject({ restored: false, backup: taken!.backup });
    const done = await restore(env, { store: id, yes: true });
    expect(done).toMatchObject({ restored: true, previous: expect.stringContaining('lojista.sqlite.pre-restore-') });

    engine = await startEngine({ configDir: env.configDir, dataDir: env.dataDir, only: id, log: silentLogger(), version: 'test' });
    const leads = await engine.stores[0]!.ctx.db.selectFrom('leads').select('id').execute();
    expect(leads.map((l) => l.id)).toEqual(['l1']);
  });
});
