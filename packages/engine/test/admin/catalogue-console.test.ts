// The console's catalogue in Chromium, on SQLite and PostgreSQL: the owner edits a product's title
// and price override (the shop shows them, the next inventory sync and the next scan of that product
// keep them), hides and shows it, starts a scan and watches its counts move without reloading, and
// every page type has no axe violation at 390 px. A form post without a CSRF token is refused.
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProduct } from '../../src/catalog/catalog-repository.js';
import { syncInventory } from '../../src/inventory/sync.js';
import { axeViolations, chromiumAvailable, launchBrowser, type TestBrowser } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { FormClient } from '../support/form-client.js';
import { refreshThroughGates } from '../support/refresh-through-gates.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { actAndConfirm, loggedInPage, setPassword } from './console-support.js';

const databases = await testDatabases();

describe.skipIf(!chromiumAvailable('the console catalogue in Chromium'))('the console catalogue in Chromium', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(databases)('on $name', ({ name, available }) => {
    describe.skipIf(!available)(`(${name})`, () => {
      let sim: RunningSimulator;
      let store: TestStore;
      let productId: string;

      beforeAll(async () => {
        sim = await testSimulator();
        store = await startTestStore({ database: name, sim, config: { catalog: { pageSize: 20, pointsBudgetPerScan: 150 } } });
        await setPassword(store);
        const scan = await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 120 });
        expect(scan.status).toBe('finished');
        const row = await store.runtime.ctx.db.selectFrom('products').select('id').where('status', '=', 'active').orderBy('cj_pid').executeTakeFirstOrThrow();
        productId = row.id;
      }, 120_000);
      afterAll(async () => {
        await store?.close();
        await sim?.close();
      });

      it('edits the title, category and price override: the shop shows them, the next sync and scan keep them', { timeout: 120_000 }, async () => {
        const page = await loggedInPage(browser, store);
        const ctx = store.runtime.ctx;
        const before = (await getProduct(ctx.db, productId))!;
        await page.goto(`${store.url}/admin/catalogo`);
        await page.getByLabel('Pesquisar').fill(before.cjPid);
        await page.getByRole('button', { name: 'Filtrar' }).click();
        await page.getByRole('link', { name: before.title }).click();
        expect(await page.locator('h1').textContent()).toBe(before.title);
        // The chart has the scan's price from the database.
        expect(await page.locator('svg.chart').getAttribute('aria-label')).toContain('1 registos');

        const override = before.priceMinor + 500;
        const overrideText = `${Math.floor(override / 100)},${String(override % 100).padStart(2, '0')}`;
        await page.getByLabel('Título').fill('Ametista do Owner');
        await page.getByLabel('Categoria').fill('Pedras do Owner');
        await page.getByLabel('Preço fixado (IVA incluído)').fill(overrideText);
        await actAndConfirm(page, 'Guardar');
        expect(await page.getByRole('status').first().textContent()).toBe('Produto guardado.');
        expect(await page.locator('h1').textContent()).toBe('Ametista do Owner');

        const edited = (await getProduct(ctx.db, productId))!;
        expect(edited).toMatchObject({ title: 'Ametista do Owner', titleEdited: true, category: 'Pedras do Owner', categoryEdited: true, priceOverrideMinor: override });
        expect(edited.descriptionEdited).toBe(false);
        // Recorded with the actor, and shown on the product page.
        expect(await page.locator('main').textContent()).toMatch(/owner: product\.edit/);

        // The same edit again changes nothing.
        await page.getByRole('button', { name: 'Guardar' }).click();
        expect(await page.getByRole('status').first().textContent()).toBe('Nada mudou.');

        const shop = await browser.newPage();
        await shop.goto(`${store.url}/produto/${edited.slug}`);
        expect(await shop.locator('h1').textContent()).toBe('Ametista do Owner');
        expect(await shop.locator('body').textContent()).toContain(overrideText);

        // The next inventory sync, and a fresh pass of the product through the scan's gates, keep the edits.
        expect((await syncInventory(ctx)).status).toBe('finished');
        await refreshThroughGates(ctx, edited.cjPid);
        const after = (await getProduct(ctx.db, productId))!;
        expect(after).toMatchObject({ title: 'Ametista do Owner', category: 'Pedras do Owner', priceOverrideMinor: override });
        await shop.reload();
        expect(await shop.locator('h1').textContent()).toBe('Ametista do Owner');
        expect(await shop.locator('body').textContent()).toContain(overrideText);
        await page.context().close();
        await shop.context().close();
      });

      it('hides and shows a product, each confirmed and safe to repeat', { timeout: 60_000 }, async () => {
        const page = await loggedInPage(browser, store);
        const ctx = store.runtime.ctx;
        const product = (await getProduct(ctx.db, productId))!;
        await page.goto(`${store.url}/admin/catalogo/produto/${productId}`);
        await actAndConfirm(page, 'Ocultar');
        expect(await page.getByRole('status').first().textContent()).toBe('Produto ocultado.');
        expect((await getProduct(ctx.db, productId))!.status).toBe('hidden');
        expect([404, 410]).toContain((await fetch(`${store.url}/produto/${product.slug}`)).status);
        await actAndConfirm(page, 'Pôr à venda');
        expect(await page.getByRole('status').first().textContent()).toBe('Produto posto à venda.');
        expect((await getProduct(ctx.db, productId))!.status).toBe('active');
        expect((await fetch(`${store.url}/produto/${product.slug}`)).status).toBe(200);
        await page.context().close();
      });

      it('starts a scan and shows its counts moving on the same page', { timeout: 120_000 }, async () => {
        const page = await loggedInPage(browser, store);
        const ctx = store.runtime.ctx;
        const runsBefore = (await ctx.db.selectFrom('scan_runs').select('id').execute()).length;
        await page.goto(`${store.url}/admin/catalogo/analises`);
        await actAndConfirm(page, 'Iniciar análise agora');
        expect(await page.getByRole('status').first().textContent()).toBe('Análise pedida: começa dentro de momentos.');
        // Queued or running: the region keeps itself up to date (admin-live.js), no reload.
        expect(await page.locator('#scan-live').getAttribute('data-live')).toBe('1');
        const url = page.url();
        const first = await page.locator('#scan-live').textContent();
        await page.waitForFunction(() => !document.querySelector('#scan-live')?.hasAttribute('data-live'), undefined, { timeout: 100_000, polling: 250 });
        expect(page.url()).toBe(url);
        // The same page, redrawn by the script with the run's progress.
        expect(await page.locator('#scan-live').textContent()).not.toBe(first);
        const runs = await ctx.db.selectFrom('scan_runs').selectAll().orderBy('started_at', 'desc').execute();
        expect(runs.length).toBe(runsBefore + 1);
        const latest = runs[0]!;
        const counts = JSON.parse(latest.counts) as { search: { pages: number } };
        expect(counts.search.pages).toBeGreaterThan(0);
        // What the page shows is what the database holds.
        expect(await page.locator('[data-count="search.pages"] strong').textContent()).toBe(String(counts.search.pages));
        expect(await page.locator('#scan-live-title').textContent()).toContain(latest.status === 'finished' ? 'Terminada' : 'Falhou');
        await page.context().close();
      });

      it('adds one CJ product by its page address through the scan gates, once', { timeout: 120_000 }, async () => {
        const ctx = store.runtime.ctx;
        // A product the scan listed, taken out again: the gates accept it, so the outcome is known.
        const victim = await ctx.db.selectFrom('products').select(['id', 'cj_pid']).where('id', '!=', productId).where('status', '=', 'active').orderBy('cj_pid', 'desc').executeTakeFirstOrThrow();
        await ctx.db.deleteFrom('variants').where('product_id', '=', victim.id).execute();
        await ctx.db.deleteFrom('products').where('id', '=', victim.id).execute();
        const page = await loggedInPage(browser, store);
        await page.goto(`${store.url}/admin/catalogo/adicionar`);
        await page.getByLabel('ID ou endereço do produto na CJ').fill('https://evil.example/product/x-p-123456789.html');
        await actAndConfirm(page, 'Adicionar');
        expect(await page.getByRole('alert').textContent()).toContain('cjdropshipping.com');
        await page.getByLabel('ID ou endereço do produto na CJ').fill(`https://cjdropshipping.com/product/amethyst-p-${victim.cj_pid}.html`);
        await actAndConfirm(page, 'Adicionar');
        expect(await page.getByRole('status').first().textContent()).toBe('Produto adicionado ao catálogo.');
        const added = await ctx.db.selectFrom('products').select(['id', 'title']).where('cj_pid', '=', victim.cj_pid).executeTakeFirstOrThrow();
        expect(new URL(page.url()).pathname).toBe(`/admin/catalogo/produto/${added.id}`);
        expect(await page.locator('h1').textContent()).toBe(added.title);
        await page.goto(`${store.url}/admin/catalogo/adicionar`);
        await page.getByLabel('ID ou endereço do produto na CJ').fill(victim.cj_pid);
        await actAndConfirm(page, 'Adicionar');
        expect(await page.getByRole('status').first().textContent()).toBe('Este produto já está no catálogo.');
        expect((await ctx.db.selectFrom('products').select('id').where('cj_pid', '=', victim.cj_pid).execute()).length).toBe(1);
        const audit = await ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'product.add').where('subject', '=', victim.cj_pid).execute();
        expect(audit.map((a) => a.actor)).toEqual(['owner']);
        await page.context().close();
      });

      it.runIf(name === 'sqlite')('has no axe violations on any catalogue page type at 390 px', { timeout: 120_000 }, async () => {
        const page = await loggedInPage(browser, store, 390);
        for (const path of ['/admin/catalogo', `/admin/catalogo/produto/${productId}`, '/admin/catalogo/analises', '/admin/catalogo/rejeitados', '/admin/catalogo/adicionar']) {
          await page.goto(`${store.url}${path}`);
          expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        }
        await page.goto(`${store.url}/admin/catalogo/produto/${productId}`);
        await page.getByRole('button', { name: 'Ocultar' }).click();
        await page.waitForSelector('form [name="confirmed"]', { state: 'attached' });
        expect({ path: 'confirm', violations: await axeViolations(page) }).toEqual({ path: 'confirm', violations: [] });
        await page.context().close();
      });

      it('refuses a console form post without a valid CSRF token', async () => {
        const client = new FormClient(store.url);
        await client.submit('/admin/entrar', '/admin/entrar', { password: 'correct horse battery' });
        expect((await client.get('/admin/catalogo')).status).toBe(200);
        const refused = await client.postForm(`/admin/catalogo/produto/${productId}/visibilidade`, { status: 'hidden', confirmed: 'yes' });
        expect(refused.status).toBe(403);
        expect((await getProduct(store.runtime.ctx.db, productId))!.status).toBe('active');
      });
    });
  });
});
