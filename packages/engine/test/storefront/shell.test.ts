// The storefront's foundation on a real store: the home page is server-rendered HTML under a strict
// policy, supplier text is escaped, assets are fingerprinted and cached for a year, pages revalidate
// with ETags, unknown paths get the store's 404 page (and JSON under /api), and in Chromium the page
// has no console errors and no axe violations.
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveProduct } from '../../src/catalog/catalog-repository.js';
import { product } from '../storage/fixtures.js';
import { axeViolations, chromiumAvailable, collectProblems, launchBrowser, type TestBrowser } from '../support/browser.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> Pêndulo';

describe('storefront shell', () => {
  let sim: RunningSimulator;
  let store: TestStore;

  beforeAll(async () => {
    sim = await testSimulator();
    store = await startTestStore({ database: 'sqlite', sim, config: { name: 'Loja Teste', branding: { tagline: 'Cristais e tarot' } } });
    const db = store.runtime.ctx.db;
    await saveProduct(db, product(1, { title: HOSTILE, score: 90 }));
    await saveProduct(db, product(2, { category: 'Tarot', score: 80 }));
  });
  afterAll(async () => {
    await store?.close();
    await sim?.close();
  });

  it('serves the home page as HTML under a strict policy, with supplier text escaped', async () => {
    const res = await fetch(`${store.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = await res.text();
    expect(html.startsWith('<!doctype html><html lang="pt-PT">')).toBe(true);
    expect(html).toContain('<title>Loja Teste — Cristais e tarot</title>');
    expect(html).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>&lt;img src=x onerror=alert(1)> Pêndulo');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    // No supplier id or image host in the page.
    expect(html).not.toContain('PID-p001');
    expect(html).not.toContain('img.example');
  });

  it('revalidates pages with an ETag', async () => {
    const first = await fetch(`${store.url}/`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    const again = await fetch(`${store.url}/`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('serves fingerprinted assets compressed and cached for a year', async () => {
    const html = await (await fetch(`${store.url}/`)).text();
    const css = /href="(\/assets\/shop\.[0-9a-f]{12}\.css)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    const res = await fetch(`${store.url}${css}`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(await res.text()).toContain('.skip-link');
    expect((await fetch(`${store.url}/assets/shop.000000000000.css`)).status).toBe(404);
  });

  it('answers unknown pages with the store 404 page, and unknown API paths with JSON', async () => {
    const page = await fetch(`${store.url}/nao-existe`);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Página não encontrada');
    const api = await fetch(`${store.url}/api/nao-existe`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  describe.skipIf(!chromiumAvailable('the storefront shell in Chromium'))('in Chromium', () => {
    let browser: TestBrowser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('renders with no console error and no axe violation, hostile text shown as text', { timeout: 120_000 }, async () => {
      const page = await browser.newPage();
      const problems = collectProblems(page);
      await page.goto(`${store.url}/`);
      expect(await page.locator('h1').textContent()).toBe('Loja Teste');
      expect(await page.getByText('<script>alert("x")</script>', { exact: false }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  });
});
