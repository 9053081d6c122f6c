// The buying journey in a real browser (Debian's Chromium via playwright-core) on the demo store's
// configuration, on SQLite and on PostgreSQL: home → category → product → pick a variant → add to
// cart → cart → checkout (demo payment) → the order page shows it paid at CJ → the tracking page
// finds it. Again with JavaScript disabled, and again with the keyboard only. A cancelled Stripe
// payment (the local Stripe fake, and a stand-in for Stripe's page) returns to an intact cart.
// A forged or missing CSRF token is refused, another store's cart cookie is not this store's cart,
// axe-core finds no violation on any buying page, and no page logs an error.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSimulator } from '@lojista/cj-sim';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProduct } from '../../src/catalog/catalog-repository.js';
import { systemClock } from '../../src/clock.js';
import { demoConfigInput } from '../../src/runtime/demo-store.js';
import { categorySlug } from '../../src/storefront/paths.js';
import type { StoreConfigInput } from '../../src/stores/store-config.js';
import { copyCatalogue, scanCatalogue } from '../orders/helpers.js';
import { FakeStripe } from '../payments/fake-stripe.js';
import { axeViolations, CHROMIUM, CHROMIUM_ARGS, chromiumAvailable, collectProblems, launchBrowser, type AxeViolation, type TestBrowser } from '../support/browser.js';
import { testDatabases, type DatabaseName } from '../support/databases.js';
import { freePort, startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';

const dbs = await testDatabases();
const SECRET_KEY = 'sk_test_51LojistaJourneySuite';
const WEBHOOK_SECRET = 'whsec_lojista_journey_suite_0123456789';
const CUSTOMER = { name: 'Ana Silva', email: 'ana.journey@example.pt', phone: '+351 912 345 678', address1: 'Rua Augusta 10', zip: '1100-148', city: 'Lisboa' };

/** The demo store's configuration (ASTRALMIA, pt-PT, EUR), without its first-start scan (tests scan on purpose). */
function demoConfig(extra: Partial<StoreConfigInput> = {}): Partial<StoreConfigInput> {
  const { http: _http, ...demo } = demoConfigInput(systemClock, 0);
  return {
    ...demo,
    schedules: { scanOnFirstStart: false, orderReconcile: '24h' },
    http: { port: 0, publicRateLimit: { max: 100_000, window: '1m' } },
    ...extra,
  };
}

/** What the journey buys: a product with a variant to pick (not the one shown first, when there are several). */
interface Target {
  slug: string;
  title: string;
  categoryPath: string;
  variantId: string;
  /** The variant's value on each option axis, by axis name. */
  options: Record<string, string>;
  variants: number;
}

let sim: RunningSimulator;
let fake: FakeStripe;
let browser: TestBrowser;
const stores: Partial<Record<DatabaseName, TestStore>> = {};
let stripe: TestStore;
let target: Target;

async function chooseTarget(store: TestStore): Promise<Target> {
  const { db } = store.runtime.ctx;
  const rows = await db.selectFrom('products').select('id').where('status', '=', 'active').execute();
  const products = await Promise.all(rows.map((r) => getProduct(db, r.id)));
  const sellable = (p: NonNullable<(typeof products)[number]>) => p.variants.filter((v) => v.onSale && v.stock >= 10);
  const ranked = products
    .filter((p): p is NonNullable<typeof p> => !!p && sellable(p).length > 0)
    .sort((a, b) => sellable(b).length - sellable(a).length);
  const product = ranked[0]!;
  const choices = sellable(product);
  // A variant other than the first sellable one, so picking it is a real choice.
  const variant = choices[1] ?? choices[0]!;
  return {
    slug: product.slug,
    title: product.title,
    categoryPath: `/categoria/${categorySlug(product.category)}`,
    variantId: variant.id,
    options: Object.fromEntries(variant.options.map((o) => [o.name, o.value])),
    variants: product.variants.length,
  };
}

beforeAll(async () => {
  if (!chromiumAvailable('the buying journey in Chromium')) return;
  [sim, fake, browser] = await Promise.all([testSimulator(), FakeStripe.start({ secretKey: SECRET_KEY }), launchBrowser()]);
  const stripePort = await freePort();
  const [sqlite, postgres, stripeStore] = await Promise.all([
    startTestStore({ database: 'sqlite', sim, config: demoConfig() }),
    dbs[1]!.available ? startTestStore({ database: 'postgres', sim, config: demoConfig() }) : undefined,
    startTestStore({
      database: 'sqlite',
      sim,
      port: stripePort,
      config: demoConfig({ payments: { provider: 'stripe', storefrontUrl: `http://127.0.0.1:${stripePort}`, stripe: { apiBase: fake.apiBase, maxNetworkRetries: 0 } } }),
      secrets: { stripeSecretKey: SECRET_KEY, stripeWebhookSecret: WEBHOOK_SECRET },
    }),
  ]);
  stores.sqlite = sqlite;
  if (postgres) stores.postgres = postgres;
  stripe = stripeStore;
  await scanCatalogue(sqlite);
  target = await chooseTarget(sqlite);
  // First in its category and on the home page, so the journey can walk there.
  await sqlite.runtime.ctx.db.updateTable('products').set({ score: 10_000 }).where('slug', '=', target.slug).execute();
  await copyCatalogue(sqlite, ...[postgres, stripe].filter((s): s is TestStore => s !== undefined));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([stores.sqlite, stores.postgres, stripe].map((s) => s?.close()));
  await fake?.close();
  await sim?.close();
});

type Mode = 'mouse' | 'nojs' | 'keyboard';

/**
 * The page problems that are not part of the journey: requests the browser itself abandoned on
 * leaving a page (lazy images still loading) are not failures, nor is the status a test provoked.
 */
function unexpected(problems: string[], statuses: number[] = []): string[] {
  return problems.filter(
    (p) =>
      !/^request failed: .* net::ERR_ABORTED$/.test(p) &&
      !statuses.some((s) => p.startsWith(`HTTP ${s} `) || p.includes(`status of ${s} `)),
  );
}

/** An https server answering for checkout.stripe.com with a page that links back to the session's cancel_url. */
async function stripeStandIn(): Promise<{ port: number; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'lojista-stripe-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=checkout.stripe.com', '-addext', 'subjectAltName=DNS:checkout.stripe.com', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
      const id = (req.url ?? '').split('?')[0]!.split('/').pop() ?? '';
      const cancel = String(fake.sessions.get(id)?.cancel_url ?? '/');
      const link = cancel.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><title>Stripe</title><link rel="icon" href="data:,"></head><body><h1>Stripe Checkout (stand-in)</h1><a id="cancel" href="${link}">Back</a></body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Presses Tab until the element matching `selector` has the focus. */
async function tabTo(page: Page, selector: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Activates a link or button: a click, or Tab to it and Enter. */
async function activate(page: Page, mode: Mode, selector: string): Promise<void> {
  if (mode === 'keyboard') {
    await tabTo(page, selector);
    await page.keyboard.press('Enter');
  } else {
    await page.locator(selector).first().click();
  }
}

async function fill(page: Page, mode: Mode, selector: string, value: string): Promise<void> {
  if (mode === 'keyboard') {
    await tabTo(page, selector);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(value);
  } else {
    await page.fill(selector, value);
  }
}

async function pickVariant(page: Page, mode: Mode): Promise<void> {
  if (target.variants < 2) return;
  if (mode === 'nojs') return page.check(`[id="variant-${target.variantId}"]`);
  // With JavaScript the picker shows one select per option axis.
  const axes = JSON.parse((await page.getAttribute('[data-variant-picker]', 'data-axes')) ?? '[]') as string[];
  for (const [i, axis] of axes.entries()) {
    const value = target.options[axis] ?? '';
    if (mode === 'mouse') {
      await page.selectOption(`#axis-${i}`, value);
      continue;
    }
    await tabTo(page, `#axis-${i}`);
    const count = await page.locator(`#axis-${i} option`).count();
    for (let step = 0; step < count * 2 && (await page.inputValue(`#axis-${i}`)) !== value; step++) {
      await page.keyboard.press(step < count ? 'ArrowDown' : 'ArrowUp');
    }
    expect(await page.inputValue(`#axis-${i}`)).toBe(value);
  }
  expect(await page.isChecked(`[id="variant-${target.variantId}"]`)).toBe(true);
}

const statusOf = (page: Page) => page.getAttribute('.order-status', 'data-status');

/** The journey up to the checkout form, which it returns on screen. */
async function toCheckout(page: Page, store: TestStore, mode: Mode, audit: (name: string) => Promise<void> = async () => {}): Promise<void> {
  await page.goto(`${store.url}/`);
  await activate(page, mode, `a[href="${target.categoryPath}"]`);
  await page.waitForURL(`**${target.categoryPath}`);
  const productPath = `/produto/${target.slug}`;
  await activate(page, mode, `main a[href="${productPath}"]`);
  await page.waitForURL(`**${productPath}`);
  await pickVariant(page, mode);
  await fill(page, mode, '#quantity', '2');
  await activate(page, mode, 'form.add-to-cart button[type="submit"]');
  await page.waitForURL('**/carrinho');
  expect(await page.locator('.notice-success').textContent()).toBe('Produto adicionado ao carrinho.');
  expect(await page.getAttribute('.cart-link', 'data-count')).toBe('2');
  expect(await page.locator('.cart-line-title').first().textContent()).toBe(target.title);
  expect(await page.inputValue('.cart-line input[name="variantId"]')).toBe(target.variantId);
  await audit('cart');
  await activate(page, mode, 'a[href="/finalizar-compra"]');
  await page.waitForURL('**/finalizar-compra');
}

async function fillCheckout(page: Page, mode: Mode): Promise<void> {
  await fill(page, mode, '#f-name', CUSTOMER.name);
  await fill(page, mode, '#f-email', CUSTOMER.email);
  await fill(page, mode, '#f-phone', CUSTOMER.phone);
  await fill(page, mode, '#f-address1', CUSTOMER.address1);
  await fill(page, mode, '#f-zip', CUSTOMER.zip);
  await fill(page, mode, '#f-city', CUSTOMER.city);
  if (mode === 'keyboard') {
    await tabTo(page, '#f-terms');
    await page.keyboard.press('Space');
  } else {
    await page.check('#f-terms');
  }
  expect(await page.isChecked('#f-terms')).toBe(true);
}

async function journey(store: TestStore, mode: Mode): Promise<void> {
  const page = await browser.newPage(mode === 'nojs' ? { javaScriptEnabled: false } : {});
  const problems = collectProblems(page);
  // axe runs once per page type, in the mouse journey (the other two walk the same pages).
  const violations: Record<string, AxeViolation[]> = {};
  const audit = async (name: string) => {
    if (mode === 'mouse') violations[name] = await axeViolations(page);
  };
  try {
    await toCheckout(page, store, mode, audit);
    await audit('checkout');
    if (mode === 'mouse') {
      // The server's answer to a wrong form (the browser's own checks set aside): every error named, still accessible.
      await page.fill('#f-zip', '1100');
      await page.evaluate(() => document.querySelector<HTMLFormElement>('form.checkout-form')!.setAttribute('novalidate', ''));
      await page.locator('button[value="order"]').click();
      await page.waitForLoadState();
      expect(await page.locator('.error-summary li').count()).toBeGreaterThanOrEqual(3);
      await audit('checkoutErrors');
    }
    await fillCheckout(page, mode);
    await activate(page, mode, 'button[value="order"]');
    await page.waitForURL(/\/encomenda\/[A-Z0-9-]+$/);
    const number = page.url().split('/').pop()!;
    expect(await page.locator('.notice-success').textContent()).toBe('Obrigado pela sua encomenda!');
    // The demo payment sends the order to CJ within seconds; the page reads the state on the server.
    const deadline = Date.now() + 30_000;
    while ((await statusOf(page)) !== 'paid') {
      if (Date.now() > deadline) throw new Error(`order ${number} stayed ${await statusOf(page)}`);
      await new Promise((r) => setTimeout(r, 500));
      await page.reload();
    }
    expect(await page.locator('.order-status strong').textContent()).toBe('Em preparação para envio');
    expect(await page.getAttribute('.cart-link', 'data-count')).toBe('0');
    await audit('order');

    await activate(page, mode, 'a[href="/seguir-encomenda"]');
    await page.waitForURL('**/seguir-encomenda');
    await audit('track');
    await fill(page, mode, '#track-number', number);
    await fill(page, mode, '#track-email', CUSTOMER.email);
    if (mode === 'keyboard') await page.keyboard.press('Enter');
    else await page.locator('form.narrow-form button[type="submit"]').click();
    await page.waitForURL(`**/encomenda/${number}`);
    expect(await statusOf(page)).toBe('paid');
    expect(await page.locator('.timeline li').count()).toBeGreaterThanOrEqual(2);

    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])));
    expect(unexpected(problems, mode === 'mouse' ? [422] : [])).toEqual([]);
  } finally {
    await page.context().close();
  }
}

describe.skipIf(!chromiumAvailable('the buying journey in Chromium'))('the buying journey in Chromium', () => {
  describe.each(dbs)('on $name', (db) => {
    const store = () => stores[db.name];
    const skip = () => {
      if (store()) return false;
      expect(db.available).toBe(false);
      return true;
    };
    it('home → category → product → variant → cart → checkout (demo payment) → paid at CJ → tracking, with the mouse', async () => {
      if (!skip()) await journey(store()!, 'mouse');
    }, 180_000);
  });

  // The browser's side does not depend on the database: these two walk the SQLite store.
  it('the same with JavaScript disabled', async () => {
    await journey(stores.sqlite!, 'nojs');
  }, 180_000);

  it('the same with the keyboard only', async () => {
    await journey(stores.sqlite!, 'keyboard');
  }, 180_000);

  it('a cancelled Stripe payment returns to the cart, intact', async () => {
    // Stripe's hosted page, stood in for by a local https server that Chromium reaches under Stripe's
    // own name (Playwright cannot route a request a redirect leads to): it offers the way back the
    // session was given. The checkout's 303 to https://checkout.stripe.com must pass the page's CSP.
    const stand = await stripeStandIn();
    const stripeBrowser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP checkout.stripe.com 127.0.0.1:${stand.port}`] });
    const context = await stripeBrowser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const problems = collectProblems(page);
    try {
      await toCheckout(page, stripe, 'mouse');
      await fillCheckout(page, 'mouse');
      await page.locator('button[value="order"]').click();
      await page.waitForURL(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
      expect(await page.locator('h1').textContent()).toBe('Stripe Checkout (stand-in)');
      await page.locator('#cancel').click();
      await page.waitForURL(/\/carrinho\?order=/);
      expect(await page.locator('.notice-info').textContent()).toContain('O pagamento não foi concluído');
      expect(await page.getAttribute('.cart-link', 'data-count')).toBe('2');
      expect(await page.locator('.cart-line-title').first().textContent()).toBe(target.title);
      expect(await page.inputValue('.cart-line input[name="quantity"]')).toBe('2');
      // And the way on is open again: the checkout form comes back filled in.
      await page.locator('a[href="/finalizar-compra"]').click();
      await page.waitForURL('**/finalizar-compra');
      expect(await page.inputValue('#f-email')).toBe(CUSTOMER.email);
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await stripeBrowser.close();
      await stand.close();
    }
  }, 180_000);

  it("refuses a forged or missing CSRF token, and another store's cart cookie is not this store's cart", async () => {
    const page = await browser.newPage();
    const problems = collectProblems(page);
    try {
      await toCheckout(page, stores.sqlite!, 'mouse');
      await page.goto(`${stores.sqlite!.url}/carrinho`);
      // A forged token, then none at all: the store's 403 page, and the cart unchanged.
      await page.evaluate(() => {
        document.querySelector<HTMLInputElement>('.cart-line-form input[name="_csrf"]')!.value = 'forged-token';
      });
      await page.locator('.cart-line-form button[value="remove"]').first().click();
      await page.waitForLoadState();
      expect(await page.locator('h1').textContent()).toBe('O formulário expirou');
      await page.goto(`${stores.sqlite!.url}/carrinho`);
      await page.evaluate(() => document.querySelector('.cart-line-form input[name="_csrf"]')!.remove());
      await page.locator('.cart-line-form button[value="remove"]').first().click();
      await page.waitForLoadState();
      expect(await page.locator('h1').textContent()).toBe('O formulário expirou');
      await page.goto(`${stores.sqlite!.url}/carrinho`);
      expect(await page.getAttribute('.cart-link', 'data-count')).toBe('2');
      // Both stores live on 127.0.0.1, so the browser sends this store's cookies to the other's port too.
      const sent = page.waitForRequest((r) => r.url().startsWith(`${stripe.url}/carrinho`));
      await page.goto(`${stripe.url}/carrinho`);
      expect((await (await sent).allHeaders()).cookie).toContain(`lj_${stores.sqlite!.id}_cart=`);
      expect(await page.getAttribute('.cart-link', 'data-count')).toBe('0');
      expect(await page.locator('.cart-empty').count()).toBe(1);
      expect(unexpected(problems, [403])).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 180_000);

  it('every other buying page has no axe violation: empty cart, order email check, information pages, newsletter', async () => {
    const store = stores.sqlite!;
    const page = await browser.newPage();
    const problems = collectProblems(page);
    try {
      const pages = ['/carrinho', '/encomenda/ASTR-000000-AAAAAAAA', '/termos-e-condicoes', '/privacidade', '/devolucoes', '/envios', '/contacto', '/newsletter?email=rita%40example.pt'];
      const found: Record<string, AxeViolation[]> = {};
      for (const path of pages) {
        const res = await page.goto(`${store.url}${path}`);
        expect(res?.status(), path).toBe(200);
        found[path] = await axeViolations(page);
      }
      expect(found).toEqual(Object.fromEntries(pages.map((p) => [p, []])));
      // The footer's newsletter form leads to the consent form, which records the lead.
      await page.goto(`${store.url}/`);
      await page.fill('#newsletter-teaser-email', 'rita.browser@example.pt');
      await page.locator('.newsletter-teaser button').click();
      await page.waitForURL('**/newsletter?email=*');
      expect(await page.inputValue('#nl-email')).toBe('rita.browser@example.pt');
      await page.check('#nl-consent');
      await page.locator('form.narrow-form button[type="submit"]').click();
      await page.waitForURL('**/newsletter');
      expect(await page.locator('.notice-success').textContent()).toBe('Obrigado! O seu pedido de subscrição foi registado.');
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 180_000);
});
