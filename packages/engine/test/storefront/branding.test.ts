// A store's own look without forking: logo, accent colour, tagline, footer text, social links, the
// order of the home sections and its own stylesheet (served fingerprinted, after the base theme);
// a configured file that is missing refuses to start naming the key. The public address comes from
// http.publicUrl, else payments.storefrontUrl.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveProduct } from '../../src/catalog/catalog-repository.js';
import { ConfigError } from '../../src/stores/config-error.js';
import { product } from '../storage/fixtures.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';

describe('storefront branding', () => {
  let sim: RunningSimulator;
  let store: TestStore;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lojista-brand-'));
    writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 180 48"><rect width="180" height="48" fill="#123"/></svg>');
    writeFileSync(join(dir, 'own.css'), '.hero { background: #fdf6e3; } /* own stylesheet */');
    sim = await testSimulator();
    store = await startTestStore({
      database: 'sqlite',
      sim,
      config: {
        name: 'Lua Cheia',
        payments: { storefrontUrl: 'https://luacheia.example/' },
        branding: {
          tagline: 'Velas feitas à mão',
          accentColor: '#b5651d',
          logo: join(dir, 'logo.svg'),
          stylesheet: join(dir, 'own.css'),
          footerText: 'Lua Cheia, Lda · NIF 500000000',
          social: { instagram: 'https://instagram.com/luacheia', pinterest: 'https://pinterest.com/luacheia' },
          homeSections: ['featured', 'hero', 'trust'],
        },
      },
    });
    await saveProduct(store.runtime.ctx.db, product(1, { title: 'Vela de Soja' }));
  });
  afterAll(async () => {
    await store?.close();
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the logo with its size, the footer text, the social links and the home sections in the configured order', async () => {
    const html = await (await fetch(`${store.url}/`)).text();
    expect(html).toMatch(/<a class="brand" href="\/"><img src="\/assets\/logo\.[0-9a-f]{12}\.svg" width="180" height="48" alt="Lua Cheia"\/><\/a>/);
    expect(html).toContain('<p>Lua Cheia, Lda · NIF 500000000</p>');
    expect(html).toContain('<a href="https://instagram.com/luacheia" rel="me noopener">Instagram</a>');
    expect(html).toContain('<a href="https://pinterest.com/luacheia" rel="me noopener">Pinterest</a>');
    expect(html.indexOf('id="home-featured"')).toBeLessThan(html.indexOf('class="hero"'));
    expect(html).not.toContain('id="home-categories"');
    expect(html).toContain('"sameAs":["https://instagram.com/luacheia","https://pinterest.com/luacheia"]');
    // No http.publicUrl: payments.storefrontUrl is the public address.
    expect(html).toContain('<link rel="canonical" href="https://luacheia.example/"/>');
  });

  it('serves the store’s own stylesheet, fingerprinted, after the base theme and the accent colour', async () => {
    const html = await (await fetch(`${store.url}/`)).text();
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    // The base and the theme are one file (one render-blocking request), the owner's comes after it.
    expect(sheets).toHaveLength(2);
    expect(sheets[0]).toMatch(/^\/assets\/shop\./);
    expect(sheets[1]).toMatch(/^\/assets\/store\.[0-9a-f]{12}\.css$/);
    const own = await fetch(`${store.url}${sheets[1]}`);
    expect(own.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await own.text()).toContain('/* own stylesheet */');
    const base = await (await fetch(`${store.url}${sheets[0]}`)).text();
    // The theme's accent comes after the base rules, so it wins over the base's defaults.
    expect(base).toContain('--accent:#b5651d');
    expect(base.lastIndexOf('--accent:#b5651d')).toBeGreaterThan(base.indexOf('--accent: #5b3f99'));
  });

  it('refuses to start when a configured logo or stylesheet is missing, naming the key', async () => {
    await expect(startTestStore({ database: 'sqlite', sim, config: { branding: { logo: join(dir, 'nope.svg') } } })).rejects.toThrow(ConfigError);
    await expect(startTestStore({ database: 'sqlite', sim, config: { branding: { stylesheet: join(dir, 'nope.css') } } })).rejects.toThrow(/branding\.stylesheet: cannot read/);
  });
});
