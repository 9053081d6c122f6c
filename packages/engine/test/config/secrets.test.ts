// Secrets come from the environment or a 0600 secrets file next to the config — never from the
// config — and never reach the logs.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startSimulator, type RunningSimulator } from '@lojista/cj-sim';
import { startEngine } from '../../src/runtime/engine.js';
import { ConfigError } from '../../src/stores/config-error.js';
import { envVarName, loadSecrets, StoreSecrets } from '../../src/stores/secrets.js';
import { captureLogger, silentLogger } from '../support/logger.js';
import { freePort } from '../support/store-harness.js';

const TOKEN = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lojista-secrets-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function secretsFile(content: unknown, mode = 0o600): string {
  const file = join(dir, 'astralmia.secrets.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  chmodSync(file, mode);
  return file;
}

async function refused(load: Promise<unknown>): Promise<ConfigError> {
  const err = await load.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return err as ConfigError;
}

describe('store secrets', () => {
  it('reads the 0600 file, and an environment variable beats it', async () => {
    const file = secretsFile({ adminToken: TOKEN, cjApiKey: 'from-the-file' });
    const env = { [envVarName('astralmia', 'cjApiKey')]: 'from-the-environment', [envVarName('astralmia', 'deeplApiKey')]: 'deepl-env' };
    expect(envVarName('astralmia', 'cjApiKey')).toBe('LOJISTA_ASTRALMIA_CJ_API_KEY');
    expect(envVarName('velas-da-lua', 'adminToken')).toBe('LOJISTA_VELAS_DA_LUA_ADMIN_TOKEN');
    const secrets = await loadSecrets('astralmia', file, env);
    expect(secrets.get('cjApiKey')).toBe('from-the-environment');
    expect(secrets.get('adminToken')).toBe(TOKEN);
    expect(secrets.get('deeplApiKey')).toBe('deepl-env');
    expect(secrets.has('stripeSecretKey')).toBe(false);
    // Another store's variables are not this store's.
    expect((await loadSecrets('velas', join(dir, 'velas.secrets.json'), env)).has('cjApiKey')).toBe(false);
    // No file at all is fine (everything from the environment).
    const fromEnv = await loadSecrets('astralmia', join(dir, 'missing.secrets.json'), { [envVarName('astralmia', 'adminToken')]: TOKEN });
    expect(fromEnv.get('adminToken')).toBe(TOKEN);
  });

  it('refuses a secrets file that others can read, with the chmod to run', async () => {
    const file = secretsFile({ adminToken: TOKEN }, 0o644);
    const err = await refused(loadSecrets('astralmia', file, {}));
    expect(err.file).toBe(file);
    expect(err.issues).toEqual([{ path: '(file mode)', message: `is readable by others (mode 644); run: chmod 600 ${file}` }]);
    chmodSync(file, 0o640);
    await refused(loadSecrets('astralmia', file, {}));
    chmodSync(file, 0o600);
    expect((await loadSecrets('astralmia', file, {})).get('adminToken')).toBe(TOKEN);
  });

  it('refuses unknown secret names and values that are not strings', async () => {
    const file = secretsFile({ adminToken: TOKEN, cjApiKy: 'x', stripeSecretKey: 42 });
    const err = await refused(loadSecrets('astralmia', file, {}));
    expect(err.issues).toEqual([
      { path: 'cjApiKy', message: expect.stringMatching(/^is not a known secret; expected one of cjApiKey, adminToken, /) },
      { path: 'stripeSecretKey', message: 'must be a string' },
    ]);
    const broken = secretsFile('{"adminToken": ');
    expect((await refused(loadSecrets('astralmia', broken, {}))).issues[0]).toMatchObject({ path: '(file)', message: expect.stringMatching(/^is not valid JSON/) });
  });

  it('refuses a short admin token from the file or the environment', async () => {
    const file = secretsFile({ adminToken: 'short-token' });
    const err = await refused(loadSecrets('astralmia', file, {}));
    expect(err.issues).toEqual([{ path: 'adminToken', message: 'the admin token must be at least 24 characters (generate one with: openssl rand -hex 24)' }]);
    const ok = secretsFile({ adminToken: TOKEN });
    await refused(loadSecrets('astralmia', ok, { [envVarName('astralmia', 'adminToken')]: 'x'.repeat(23) }));
  });

  it('a store without an admin token does not start, and says how to set one', async () => {
    // A standalone simulator URL, so no in-process simulator is started for this store.
    const cj = { baseUrl: 'http://127.0.0.1:9/api2.0/v1' };
    writeFileSync(join(dir, 'astralmia.yaml'), stringify({ name: 'A', http: { port: await freePort() }, cj, niche: { keywords: ['amethyst'] }, pricing: { fx: { date: '2026-11-20' } } }));
    const err = await refused(startEngine({ configDir: dir, dataDir: join(dir, 'data'), log: silentLogger(), version: 'test' }));
    expect(err.issues[0]!.path).toBe('adminToken (secret)');
    expect(err.issues[0]!.message).toContain('export LOJISTA_ASTRALMIA_ADMIN_TOKEN=<at least 24 characters> or put "adminToken" in astralmia.secrets.json (chmod 600)');
  });

  it('prints as [redacted] in JSON, inspect and console output', () => {
    const secrets = new StoreSecrets({ adminToken: TOKEN, cjApiKey: 'CJ123@api@abc' });
    expect(JSON.stringify({ secrets })).toBe('{"secrets":{"adminToken":"[redacted]","cjApiKey":"[redacted]"}}');
    expect(inspect(secrets)).not.toContain(TOKEN);
    expect(inspect({ nested: { secrets } }, { depth: 10 })).not.toContain('CJ123@api@abc');
  });
});

describe('secrets never appear in the logs of a running store', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, clock: 'manual', startTime: Date.now(), catalogueSize: 2000, qps: 50, tokenCooldownSec: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('keeps the CJ key, the admin token and the CJ access token out of every log line', async () => {
    const cjApiKey = `CJ7654321@api@${randomBytes(16).toString('hex')}`;
    const adminToken = randomBytes(24).toString('hex');
    const telegramBotToken = `123456:${randomBytes(12).toString('hex')}`;
    const port = await freePort();
    writeFileSync(
      join(dir, 'logtest.yaml'),
      stringify({
        name: 'Log Test',
        http: { port },
        cj: { baseUrl: sim.baseUrl, qps: 6 },
        niche: { keywords: ['selenite'] },
        pricing: { fx: { rate: '0.92', date: '2026-11-20' } },
        catalog: { pageSize: 5, pointsBudgetPerScan: 100 },
        schedules: { scanOnFirstStart: false },
      }),
    );
    writeFileSync(join(dir, 'logtest.secrets.json'), JSON.stringify({ cjApiKey, adminToken, telegramBotToken }), { mode: 0o600 });
    const capture = captureLogger('trace');
    const engine = await startEngine({ configDir: dir, dataDir: join(dir, 'data'), log: capture.log, version: 'test' });
    let accessToken: string | undefined;
    try {
      const store = engine.stores[0]!;
      expect(store.ctx.supplier).toMatchObject({ simulated: true, baseUrl: sim.baseUrl });
      const result = await store.scanNow({ trigger: 'cli' });
      expect(result.status).toBe('finished');
      const auth = { authorization: `Bearer ${adminToken}` };
      expect((await fetch(`${store.url}/api/catalog/scans`, { headers: auth })).status).toBe(200);
      expect((await fetch(`${store.url}/api/cj/balance`, { headers: auth })).status).toBe(200);
      expect((await fetch(`${store.url}/api/catalog/scans`, { headers: { authorization: `Bearer ${adminToken}x` } })).status).toBe(401);
      expect((await fetch(`${store.url}/api/catalog/scans?token=${adminToken}`)).status).toBe(401);
      const row = await store.ctx.db.selectFrom('cj_tokens').select('data').executeTakeFirstOrThrow();
      accessToken = (JSON.parse(row.data) as { accessToken?: string }).accessToken;
      // Careless log calls: the values are scrubbed from free text and nested fields alike.
      store.ctx.log.info(`calling CJ with ${cjApiKey}`);
      store.ctx.log.warn({ request: { headers: { authorization: `Bearer ${adminToken}` } }, bot: telegramBotToken }, 'a careless line');
      store.ctx.log.error({ err: { message: `key ${cjApiKey} refused` }, config: { apiKey: cjApiKey, accessToken } }, 'another one');
    } finally {
      await engine.stop(2_000);
    }
    expect(accessToken).toMatch(/^[0-9a-f]{32}$/);
    const lines = capture.lines();
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.some((l) => l.store === 'logtest' && /scan ended/.test(String(l.msg)))).toBe(true);
    const text = JSON.stringify(lines);
    for (const secret of [cjApiKey, cjApiKey.split('@api@')[1]!, adminToken, telegramBotToken, accessToken!]) {
      expect(text.includes(secret), `a log line contains ${secret.slice(0, 6)}…`).toBe(false);
    }
    const careless = lines.filter((l) => /careless|another one|calling CJ/.test(String(l.msg)));
    expect(careless).toHaveLength(3);
    for (const l of careless) expect(JSON.stringify(l)).toContain('[redacted]');
  });
});
