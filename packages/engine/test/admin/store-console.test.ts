// The console's store pages in Chromium, on SQLite and PostgreSQL: a dead job is retried (it runs
// once, a second submit changes nothing) or discarded; "run now" queues the reconciliation once; CJ
// webhooks are switched on and off at the simulator; the leads CSV cannot carry a formula; alerts,
// disputes, the inbox and the tracking lookup show what the database and CJ hold; every page type has
// no axe violation at 390 px.
import { randomUUID } from 'node:crypto';
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../src/jobs/enqueue.js';
import { addLead } from '../../src/leads/leads-service.js';
import { newOrderNumber } from '../../src/orders/order-number.js';
import { axeViolations, chromiumAvailable, launchBrowser, type TestBrowser } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { insertDispute, insertOrder } from '../services/seed.js';
import { actAndConfirm, loggedInPage, setPassword } from './console-support.js';

const databases = await testDatabases();

describe.skipIf(!chromiumAvailable('the console store pages in Chromium'))('the console store pages in Chromium', () => {
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
      const echoRuns: string[] = [];
      let disputeId: string;

      /** A job of the test's own type, already dead after its attempts. */
      const deadJob = async (label: string) => {
        const ctx = store.runtime.ctx;
        const id = (await enqueueJob(ctx.db, ctx.clock, { type: 'test.echo', payload: { label }, runAt: ctx.clock.now() + 3_600_000, maxAttempts: 3 }))!;
        await ctx.db.updateTable('jobs').set({ status: 'dead', attempts: 3, last_error: `boom ${label}` }).where('id', '=', id).execute();
        return id;
      };
      const jobStatus = async (id: string) => (await store.runtime.ctx.db.selectFrom('jobs').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

      beforeAll(async () => {
        sim = await testSimulator();
        store = await startTestStore({ database: name, sim, start: false });
        store.runtime.runner.register('test.echo', async ({ job }) => {
          echoRuns.push((job.payload as { label: string }).label);
        });
        await store.runtime.start();
        await setPassword(store);
        const ctx = store.runtime.ctx;
        await addLead(ctx, { name: '=HYPERLINK("http://evil.example","x")', email: 'evil@example.pt', source: 'storefront', consent: true });
        await addLead(ctx, { name: 'Ana "Silva"', email: 'ana@example.pt', source: 'storefront', consent: true });
        ctx.alerts.notify({ kind: 'low_stock', subject: 'P1/V1', message: 'Ametista: 2 left at CJ' });
        await ctx.alerts.flush();
        // An order with an open dispute, enough for the dispute pages (nothing here goes to CJ).
        const orderId = randomUUID();
        const now = new Date(ctx.clock.now()).toISOString();
        await insertOrder(ctx.db, {
          id: orderId, number: newOrderNumber('TST', ctx.clock.now()), status: 'shipped', customer_email: 'ana@example.pt', ship_province: 'Lisboa',
          items_minor: 2999, total_minor: 2999, vat_minor: 561, logistic_name: 'unknown', shipping_quote_usd: '2.00', cost_usd: '5.00',
          payment_ref: `demo-${orderId}`, paid_at: now, track_number: 'TRK123456', shipped_at: now, created_at: now, updated_at: now,
        });
        disputeId = await insertDispute(ctx.db, orderId, now, { rule: 'tracking_silent', business_dispute_id: `${orderId.slice(0, 8)}-tracking_silent`, message: 'Tracking silent for 10 days' });
      }, 60_000);
      afterAll(async () => {
        await store?.close();
        await sim?.close();
      });

      it('retries a dead job once, even when the confirmation is submitted twice, and discards another', { timeout: 60_000 }, async () => {
        const retryId = await deadJob('retry-me');
        const discardId = await deadJob('discard-me');
        const page = await loggedInPage(browser, store);
        await page.goto(`${store.url}/admin/tarefas?status=dead`);
        expect(await page.locator(`[data-job="${retryId}"]`).textContent()).toContain('boom retry-me');
        await page.locator(`[data-job="${retryId}"]`).getByRole('button', { name: 'Tentar de novo' }).click();
        await page.waitForSelector('form [name="confirmed"]', { state: 'attached' });
        // The confirmation posted twice (a double click, or the back button and again).
        const confirmForm = await page.locator('form:has([name="confirmed"])').evaluate((f: HTMLFormElement) => ({ action: f.action, body: new URLSearchParams(new FormData(f) as unknown as Record<string, string>).toString() }));
        const again = () => page.request.post(confirmForm.action, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: confirmForm.body, maxRedirects: 0 });
        const [first, second] = await Promise.all([again(), again()]);
        expect([first.status(), second.status()]).toEqual([303, 303]);
        await expect.poll(() => jobStatus(retryId), { timeout: 20_000 }).toBe('done');
        expect(echoRuns.filter((l) => l === 'retry-me')).toEqual(['retry-me']);

        await page.goto(`${store.url}/admin/tarefas?status=dead`);
        await page.locator(`[data-job="${discardId}"]`).getByRole('button', { name: 'Descartar' }).click();
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Confirmar' }).click()]);
        expect(await page.getByRole('status').first().textContent()).toBe('Tarefa descartada.');
        expect(await jobStatus(discardId)).toBe('done');
        expect(echoRuns).not.toContain('discard-me');
        expect(await page.locator(`[data-job="${discardId}"]`).count()).toBe(0);
        await page.context().close();
      });

      it('runs the order reconciliation now, once', { timeout: 60_000 }, async () => {
        const page = await loggedInPage(browser, store);
        await page.goto(`${store.url}/admin/tarefas`);
        const row = page.getByRole('row', { name: /Reconciliação de encomendas/ });
        await row.getByRole('button', { name: 'Correr agora' }).click();
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Confirmar' }).click()]);
        expect(await page.getByRole('status').first().textContent()).toMatch(/Reconciliação de encomendas: (na fila|já está na fila)/);
        const jobs = await store.runtime.ctx.db.selectFrom('jobs').select(['status']).where('type', '=', 'orders.reconcile').where('dedupe_key', '=', 'schedule:orderReconcile').execute();
        expect(jobs.length).toBeGreaterThanOrEqual(1);
        await page.context().close();
      });

      it('turns CJ webhooks on and off at the simulator, and shows the account from CJ and the database', { timeout: 60_000 }, async () => {
        const page = await loggedInPage(browser, store);
        await page.goto(`${store.url}/admin/conta-cj`);
        expect(await page.locator('.facts').textContent()).toContain('USD');
        await page.getByLabel('Endereço público da loja').fill(store.url);
        await actAndConfirm(page, 'Ligar webhooks');
        expect(await page.getByRole('status').first().textContent()).toBe('Webhooks ligados na CJ.');
        const setting = await store.runtime.ctx.cj.setting.get();
        expect(JSON.stringify(setting.callback)).toContain(`${store.url}/api/webhooks/cj`);
        expect(await page.locator('.facts').textContent()).toContain('Ligados');
        await actAndConfirm(page, 'Desligar webhooks');
        expect(await page.getByRole('status').first().textContent()).toBe('Webhooks desligados na CJ.');
        expect(JSON.stringify((await store.runtime.ctx.cj.setting.get()).callback ?? {})).not.toContain('http');
        await page.context().close();
      });

      it('acknowledges an alert once, recorded with the owner', { timeout: 60_000 }, async () => {
        const ctx = store.runtime.ctx;
        const alert = await ctx.db.selectFrom('alerts').select('id').where('kind', '=', 'low_stock').executeTakeFirstOrThrow();
        const page = await loggedInPage(browser, store);
        await page.goto(`${store.url}/admin/alertas`);
        const row = page.locator(`[data-alert="${alert.id}"]`);
        expect(await row.textContent()).toContain('Por ver');
        const form = await row.locator('form').evaluate((f: HTMLFormElement) => ({ action: f.action, csrf: (f.elements.namedItem('_csrf') as HTMLInputElement).value }));
        await row.getByRole('button', { name: 'Marcar como visto' }).click();
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Confirmar' }).click()]);
        expect(await page.getByRole('status').first().textContent()).toBe('Alerta marcado como visto.');
        expect(await page.locator(`[data-alert="${alert.id}"]`).textContent()).toContain('Visto por si');
        const stored = await ctx.db.selectFrom('alerts').select(['acknowledged_at', 'acknowledged_by']).where('id', '=', alert.id).executeTakeFirstOrThrow();
        expect(stored.acknowledged_by).toBe('owner');
        // Again, confirmed (another tab still showing the button): nothing changes.
        const again = await page.request.post(form.action, { form: { _csrf: form.csrf, confirmed: 'yes' }, maxRedirects: 0 });
        expect(again.status()).toBe(303);
        await page.goto(`${store.url}/admin/alertas`);
        expect(await page.locator(`[data-alert="${alert.id}"]`).getByRole('button').count()).toBe(0);
        const audit = await ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'alert.acknowledge').where('subject', '=', alert.id).execute();
        expect(audit).toHaveLength(1);
        expect((await ctx.db.selectFrom('alerts').select('acknowledged_at').where('id', '=', alert.id).executeTakeFirstOrThrow()).acknowledged_at).toBe(stored.acknowledged_at);
        await page.context().close();
      });

      it('shows the effective settings with the file they came from, secrets masked', async () => {
        const page = await loggedInPage(browser, store);
        await page.goto(`${store.url}/admin/definicoes`);
        const text = (await page.locator('main').textContent())!;
        expect(text).toContain(`(test store ${store.id})`);
        expect(text).toContain('pricing.fx.rate');
        expect(text).toContain('0.92');
        expect(text).toMatch(/adminToken\s*definido/);
        expect(text).not.toContain(store.adminToken);
        await page.context().close();
      });

      it('cancels a dispute only with CJ: without a CJ order nothing is cancelled, and the owner is told why', { timeout: 60_000 }, async () => {
        const page = await loggedInPage(browser, store);
        await page.goto(`${store.url}/admin/disputas?status=open`);
        await page.getByRole('link', { name: /^TST/ }).click();
        expect(await page.locator('h1').textContent()).toContain('tracking_silent');
        await actAndConfirm(page, 'Cancelar disputa');
        expect(await page.getByRole('alert').first().textContent()).toContain('has no CJ order id');
        const row = await store.runtime.ctx.db.selectFrom('disputes').select('status').where('id', '=', disputeId).executeTakeFirstOrThrow();
        expect(row.status).toBe('open');
        await page.context().close();
      });

      it('exports leads as CSV without formulas', async () => {
        const page = await loggedInPage(browser, store);
        await page.goto(`${store.url}/admin/contactos`);
        expect(await page.locator('table').textContent()).toContain('=HYPERLINK');
        const csv = await page.request.get(`${store.url}/admin/contactos/contactos.csv`);
        expect(csv.status()).toBe(200);
        expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename=".+-leads-\d{4}-\d{2}-\d{2}\.csv"$/);
        const text = await csv.text();
        expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")","evil@example.pt","storefront","yes"`);
        expect(text).toContain('"Ana ""Silva""","ana@example.pt"');
        expect(text.split('\r\n')[0]).toBe('\uFEFF"name","email","source","consent","consent_at"');
        await page.context().close();
      });

      it.runIf(name === 'sqlite')('has no axe violations on any store page type at 390 px', { timeout: 120_000 }, async () => {
        const page = await loggedInPage(browser, store, 390);
        const pages = [
          '/admin/disputas',
          `/admin/disputas/${disputeId}`,
          '/admin/contactos',
          '/admin/alertas',
          '/admin/tarefas',
          '/admin/tarefas?status=queued',
          '/admin/tarefas/webhooks',
          '/admin/conta-cj',
          '/admin/conta-cj/rastreio?q=TRK123456',
          '/admin/definicoes',
        ];
        for (const path of pages) {
          await page.goto(`${store.url}${path}`);
          expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
          expect({ path, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ path, width: 390 });
        }
        await page.goto(`${store.url}/admin/conta-cj/rastreio?q=TRK123456`);
        expect(await page.locator('main').textContent()).toContain('TRK123456');
        await page.goto(`${store.url}/admin/alertas`);
        expect(await page.locator('table').textContent()).toContain('Ametista: 2 left at CJ');
        await page.goto(`${store.url}/admin/disputas/${disputeId}`);
        await page.getByRole('button', { name: 'Cancelar disputa' }).click();
        await page.waitForSelector('form [name="confirmed"]', { state: 'attached' });
        expect({ path: 'confirm', violations: await axeViolations(page) }).toEqual({ path: 'confirm', violations: [] });
        await page.context().close();
      });
    });
  });
});
