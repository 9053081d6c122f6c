// An invalid store config refuses to start and says where and what: the file, the key, and what is
// expected — for every problem at once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError } from '../../src/stores/config-error.js';
import { loadStoreConfigFile, loadStoreConfigs } from '../../src/stores/load-config.js';

const MINIMAL = {
  name: 'Loja Teste',
  http: { port: 4101 },
  niche: { keywords: ['amethyst', 'tarot cards'] },
  pricing: { fx: { rate: '0.92', date: '2026-11-20' } },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lojista-config-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : name.endsWith('.json') ? JSON.stringify(content) : stringify(content));
  return file;
}

async function configError(load: Promise<unknown>): Promise<ConfigError> {
  const err = await load.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return err as ConfigError;
}

/** The error names the file, and each key with what it expects, in its message too. */
function expectIssue(err: ConfigError, file: string, path: string, message: RegExp): void {
  expect(err.file).toBe(file);
  const issue = err.issues.find((i) => i.path === path);
  expect(issue, `an issue for "${path}" in ${JSON.stringify(err.issues)}`).toBeDefined();
  expect(issue!.message).toMatch(message);
  expect(err.message).toContain(`Invalid configuration in ${file}:`);
  expect(err.message).toContain(`  - ${path}: ${issue!.message}`);
}

describe('store config validation', () => {
  it('loads a minimal config with every default filled in (YAML and JSON)', async () => {
    write('astralmia.yaml', MINIMAL);
    write('velas.json', { ...MINIMAL, http: { port: 4102 } });
    const loaded = await loadStoreConfigs(dir);
    expect(loaded.map((s) => s.id)).toEqual(['astralmia', 'velas']);
    expect(loaded[0]!.config).toMatchObject({
      locale: 'pt-PT',
      currency: 'EUR',
      mainCountry: 'PT',
      http: { port: 4101, host: '127.0.0.1' },
      catalog: { maxProducts: 200, pointsBudgetPerScan: 20_000 },
      schedules: { catalogScan: 4 * 3_600_000, orderReconcile: 5 * 60_000 },
      pricing: { vatRate: '0.23', minMarginPct: '40' },
    });
  });

  it('refuses an unknown key (a typo) instead of silently using the default', async () => {
    const file = write('astralmia.yaml', { ...MINIMAL, catalog: { maxProduct: 50 } });
    const err = await configError(loadStoreConfigFile(file));
    expectIssue(err, file, 'catalog.maxProduct', /is not a known setting \(check the spelling; the commented example is stores\/example\.yaml\)/);
    // At the top level too.
    const top = write('velas.yaml', { ...MINIMAL, nmae: 'Velas' });
    expectIssue(await configError(loadStoreConfigFile(top)), top, 'nmae', /is not a known setting/);
  });

  it('refuses a value of the wrong type, saying what type is expected', async () => {
    const file = write('astralmia.yaml', { ...MINIMAL, http: { port: '4101' } });
    expectIssue(await configError(loadStoreConfigFile(file)), file, 'http.port', /expected number, received string/);
    const country = write('velas.yaml', { ...MINIMAL, mainCountry: 'Portugal' });
    expectIssue(await configError(loadStoreConfigFile(country)), country, 'mainCountry', /ISO 3166-1 alpha-2 country code in capitals, e\.g\. "PT"/);
  });

  it('requires the date of the FX rate (pricing.fx.date)', async () => {
    const file = write('astralmia.yaml', { ...MINIMAL, pricing: { fx: { rate: '0.92' } } });
    expectIssue(await configError(loadStoreConfigFile(file)), file, 'pricing.fx.date', /is required \(expected string\)/);
  });

  it('refuses a fractional duration such as "0.5h" with the accepted forms', async () => {
    const file = write('astralmia.yaml', { ...MINIMAL, schedules: { catalogScan: '0.5h' } });
    expectIssue(
      await configError(loadStoreConfigFile(file)),
      file,
      'schedules.catalogScan',
      /"0\.5h" is not a duration; use a whole number and a unit: 90s, 5m, 4h, 1d/,
    );
    const zero = write('velas.yaml', { ...MINIMAL, schedules: { inventory: '0m' } });
    expectIssue(await configError(loadStoreConfigFile(zero)), zero, 'schedules.inventory', /must be longer than zero/);
  });

  it('refuses two stores on one port, naming the other store', async () => {
    write('astralmia.yaml', MINIMAL);
    const second = write('velas.yaml', { ...MINIMAL, name: 'Velas' });
    const err = await configError(loadStoreConfigs(dir));
    expectIssue(err, second, 'http.port', /4101 is already used by store "astralmia"; each store needs its own port/);
    // One store at a time (its own process) has no one to clash with.
    expect((await loadStoreConfigs(dir, 'velas')).map((s) => s.id)).toEqual(['velas']);
  });

  it('refuses a file name that is not a valid store id', async () => {
    for (const name of ['My_Store.yaml', 'loja teste.yaml', '1loja.yaml', 'Astralmia.yml']) {
      const file = write(name, MINIMAL);
      const err = await configError(loadStoreConfigFile(file));
      expectIssue(err, file, '(file name)', /is not a valid store id: lower-case letters, digits and "-", starting with a letter/);
      rmSync(file);
    }
  });

  it('reports a YAML syntax error with its line', async () => {
    const file = write('astralmia.yaml', 'name: Loja\nhttp:\n  port: 4101\n niche: [amethyst\n');
    const err = await configError(loadStoreConfigFile(file));
    expectIssue(err, file, '(file)', /cannot be parsed: .*line 4/s);
  });

  it('lists every problem of a file in one pass', async () => {
    const file = write('astralmia.yaml', { ...MINIMAL, http: { port: 70_000 }, catalog: { pageSize: 500 }, mainCountry: 'pt', branding: { accentColor: 'purple' } });
    const err = await configError(loadStoreConfigFile(file));
    expect(err.issues.map((i) => i.path).sort()).toEqual(['branding.accentColor', 'catalog.pageSize', 'http.port', 'mainCountry']);
    expectIssue(err, file, 'branding.accentColor', /a hex colour such as "#6b4fa0"/);
    expectIssue(err, file, 'catalog.pageSize', /100/);
  });

  it('says so when the config folder or the named store does not exist', async () => {
    const missing = join(dir, 'nope');
    expectIssue(await configError(loadStoreConfigs(missing)), missing, '(folder)', /does not exist; create a store with: lojista init/);
    write('astralmia.yaml', MINIMAL);
    expectIssue(await configError(loadStoreConfigs(dir, 'velas')), dir, 'velas', /no store config named velas\.yaml or velas\.json here/);
  });
});
