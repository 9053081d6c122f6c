// stores/example.yaml is the commented template of `lojista init` with the example values: it must
// stay identical to the template and load through the real loader — and never be mistaken for a
// store by `serve` on a fresh clone.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasStoreConfigs } from '../../src/cli/commands/serve.js';
import { EXAMPLE_VALUES, storeConfigYaml } from '../../src/cli/store-template.js';
import { loadStoreConfigFile, loadStoreConfigs } from '../../src/stores/load-config.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const EXAMPLE = join(REPO, 'stores', 'example.yaml');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lojista-example-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('stores/example.yaml', () => {
  it('is exactly the init template with the example values', () => {
    expect(readFileSync(EXAMPLE, 'utf8')).toBe(storeConfigYaml(EXAMPLE_VALUES));
  });

  it('loads through the real loader once named as a store', async () => {
    const file = join(dir, 'astralmia.yaml');
    copyFileSync(EXAMPLE, file);
    const { id, config } = await loadStoreConfigFile(file);
    expect(id).toBe('astralmia');
    expect(config).toMatchObject({
      name: EXAMPLE_VALUES.name,
      locale: EXAMPLE_VALUES.locale,
      currency: EXAMPLE_VALUES.currency,
      mainCountry: EXAMPLE_VALUES.country,
      http: { port: EXAMPLE_VALUES.port, host: '127.0.0.1' },
      niche: { keywords: EXAMPLE_VALUES.keywords, categoryIds: [] },
      pricing: { fx: { rate: EXAMPLE_VALUES.fxRate, date: EXAMPLE_VALUES.fxDate } },
      alerts: { channels: [{ type: 'log' }] },
    });
    expect((await loadStoreConfigs(dir)).map((s) => s.id)).toEqual(['astralmia']);
  });

  it('is skipped by the loader and by serve, so a fresh clone still starts the demo', async () => {
    expect(await loadStoreConfigs(join(REPO, 'stores'))).toEqual([]);
    expect(hasStoreConfigs(join(REPO, 'stores'))).toBe(false);
  });

  it('the template quotes what an owner types (names and keywords with quotes, colons and accents)', async () => {
    const file = join(dir, 'velas-da-lua.yaml');
    const values = { ...EXAMPLE_VALUES, name: 'Velas: "Lua" & Sol', keywords: ['tarot "rider" cards', 'incense: sandalwood', 'pêndulo'], port: 4310, fxRate: '0.9134' };
    writeFileSync(file, storeConfigYaml(values));
    const { config } = await loadStoreConfigFile(file);
    expect(config.name).toBe(values.name);
    expect(config.niche.keywords).toEqual(values.keywords);
    expect(config.pricing.fx.rate).toBe('0.9134');
    expect(config.http.port).toBe(4310);
  });
});
