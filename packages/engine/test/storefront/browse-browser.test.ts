// The browsing pages in Chromium at a phone's width (390 px) and a desktop's (1280 px): no console
// error, no failed request, no axe violation, images from the store with their size; the variant
// picker with and without JavaScript (the add-to-cart post is caught at the network layer: the cart
// route is another slice's); hostile product text shown as text, never run.
import type { RunningSimulator } from '@lojista/cj-sim';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, chromiumAvailable, collectProblems, launchBrowser, type TestBrowser } from '../support/browser.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { HOSTILE_TITLE, seedBrowseCatalogue } from './browse-fixtures.js';

const PAGES: Array<{ name: string; path: string; status: number }> = [
  { name: 'home', path: '/', status: 200 },
  { name: 'shop', path: '/loja', status: 200 },
  { name: 'category', path: '/categoria/velas', status: 200 },
  { name: 'search', path: '/pesquisa?q=pendulo', status: 200 },
  { name: 'search without results', path: '/pesquisa?q=unicornio', status: 200 },
  { name: 'product', path: '/produto/pendulo-de-ametista', status: 200 },
  { name: 'product gone', path: '/produto/baralho-de-tarot', status: 410 },
  { name: 'not found', path: '/nao-existe', status: 404 },
];

describe.skipIf(!chromiumAvailable('the browsing pages in Chromium'))('browsing pages in Chromium', () => {
  let sim: RunningSimulator;
  let store: TestStore;
  let browser: TestBrowser;

  beforeAll(async () => {
    sim = await testSimulator();
    store = await startTestStore({ database: 'sqlite', sim, config: { name: 'Loja Teste', branding: { tagline: 'Cristais e tarot' } } });
    const cat = await seedBrowseCatalogue(store.runtime.ctx.db, sim);
    await store.runtime.ctx.db.updateTable('products').set({ status: 'retired' }).where('id', '=', cat.tarot.id).execute();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await store?.close();
    await sim?.close();
  });

  /** Problems apart from the page's own deliberate status (a 404 or 410 page is not a failure). */
  const problemsBesides = (problems: string[], status: number, path: string) =>
    problems.filter(
      (p) =>
        status === 200 ||
        (p !== `HTTP ${status} for ${store.url}${path}` && p !== `console error: Failed to load resource: the server responded with a status of ${status} (${status === 404 ? 'Not Found' : 'Gone'})`),
    );

  for (const width of [390, 1280]) {
    it.each(PAGES)(`$name renders at ${width} px with no console error, no failed request and no axe violation`, async ({ path, status }) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems = collectProblems(page);
      const res = await page.goto(`${store.url}${path}`, { waitUntil: 'networkidle' });
      expect(res?.status()).toBe(status);
      expect(await axeViolations(page)).toEqual([]);
      // Every image has its size and comes from the store itself.
      const images = await page.$$eval('img', (imgs) => imgs.map((i) => ({ src: i.currentSrc || i.src, w: i.getAttribute('width'), h: i.getAttribute('height') })));
      for (const img of images) {
        expect(new URL(img.src).origin).toBe(store.url);
        expect(Number(img.w)).toBeGreaterThan(0);
        expect(Number(img.h)).toBeGreaterThan(0);
      }
      // Nothing sideways: the page fits the viewport.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(problemsBesides(problems, status, path)).toEqual([]);
      await page.context().close();
    });
  }

  it('loads the product’s main image from the store, decoded, before the lazy ones', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${store.url}/produto/pendulo-de-ametista`, { waitUntil: 'networkidle' });
    const main = page.locator('#image-1 img');
    expect(await main.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThanOrEqual(320);
    expect(await main.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/img\/p001\/[0-9a-f]{16}\/\d+\.avif$/);
    await page.context().close();
  });

  /** Catches the add-to-cart post (the cart is another slice's route) and answers it. */
  async function catchCartPost(page: Page): Promise<() => URLSearchParams> {
    let posted: Request | null = null;
    await page.route('**/carrinho/adicionar', async (route) => {
      posted = route.request();
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>ok</title>' });
    });
    return () => {
      if (!posted) throw new Error('nothing was posted');
      return new URLSearchParams(posted.postData() ?? '');
    };
  }

  it('with JavaScript: one choice per option axis; impossible or sold-out combinations cannot be chosen; price and stock follow', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = collectProblems(page);
    const posted = await catchCartPost(page);
    await page.goto(`${store.url}/produto/pendulo-de-ametista`, { waitUntil: 'networkidle' });
    expect(await page.locator('.variant-list').isHidden()).toBe(true);
    const cor = page.getByLabel('Cor', { exact: true });
    const tamanho = page.getByLabel('Tamanho', { exact: true });
    expect(await cor.inputValue()).toBe('Roxo');
    expect(await tamanho.inputValue()).toBe('P');
    // Roxo/G is sold out: G cannot be picked while Roxo is.
    expect(await tamanho.locator('option[value="G"]').isDisabled()).toBe(true);
    await cor.selectOption('Verde');
    // Verde/G does not exist.
    expect(await tamanho.locator('option[value="G"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-variant-price]').textContent()).toMatch(/^16,99\s€$/);
    expect(await page.locator('[data-variant-stock]').textContent()).toBe('Últimas unidades');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Quantidade').fill('2');
    await page.getByRole('button', { name: 'Adicionar ao carrinho' }).click();
    await page.waitForURL('**/carrinho/adicionar');
    const body = posted();
    expect(body.get('variantId')).toBe('var-verde-p');
    expect(body.get('quantity')).toBe('2');
    // A first visit has no CSRF secret: the shared page carries no token, and the cart checks the post is same-origin (web/csrf.tsx).
    expect(body.get('_csrf')).toBe('');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript: one radio per variant, the sold-out one disabled, and the chosen one is posted', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const posted = await catchCartPost(page);
    await page.goto(`${store.url}/produto/pendulo-de-ametista`);
    expect(await page.getByLabel('Roxo / G').isDisabled()).toBe(true);
    expect(await page.getByLabel('Roxo / P').isChecked()).toBe(true);
    await page.getByLabel('Verde / P').check();
    await page.getByRole('button', { name: 'Adicionar ao carrinho' }).click();
    await page.waitForURL('**/carrinho/adicionar');
    expect(posted().get('variantId')).toBe('var-verde-p');
    expect(posted().get('quantity')).toBe('1');
    await page.context().close();
  });

  it('without JavaScript: sorting, filtering and paging are links and a GET form', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    await page.goto(`${store.url}/loja`);
    await page.getByLabel('Categoria').selectOption('velas');
    await page.getByLabel('Ordenar por').selectOption('price_desc');
    await page.getByRole('button', { name: 'Aplicar' }).click();
    expect(new URL(page.url()).pathname).toBe('/categoria/velas');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('price_desc');
    await page.getByRole('link', { name: 'Seguinte' }).click();
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    await page.context().close();
  });

  it('shows hostile product text as text and runs none of it', async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(`${store.url}/produto/incenso-hostil`, { waitUntil: 'networkidle' });
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator('.description p').first().textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('main b, main i, main img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.context().close();
  });
});
