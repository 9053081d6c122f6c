// Buying in the storefront, over HTTP as a browser without JavaScript does it (forms, cookies,
// redirects), on real stores with the simulator's catalogue: the cart and its flags, the checkout
// form through the same services as POST /api/checkout (one order per checkout key, however often
// the form is sent), the demo, bank-transfer and Stripe payments, the order page only for its
// customer, tracking, information pages from the store's Markdown, the newsletter, CSRF, rate
// limits, cookies that belong to one store, and no redirect off the site.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { brotliCompressSync } from 'node:zlib';
import { join } from 'node:path';
import type { RunningSimulator } from '@lojista/cj-sim';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOrder } from '../../src/orders/order-repository.js';
import { cookieName } from '../../src/web/cookies.js';
import { buyables, copyCatalogue, scanCatalogue, until, type Buyable } from '../orders/helpers.js';
import { FakeStripe } from '../payments/fake-stripe.js';
import { testDatabases, type DatabaseName } from '../support/databases.js';
import { freePort, startTestStore, testSimulator, uniqueStoreId, type TestStore } from '../support/store-harness.js';
import { csrfIn, hiddenField, orderStatusIn, radioValues, ShopClient, textOf } from './shop-client.js';

const dbs = await testDatabases();
const IBAN = 'PT50000201231234567890154';
const SECRET_KEY = 'sk_test_51LojistaShopBuySuite';
const WEBHOOK_SECRET = 'whsec_lojista_shop_buy_suite_0123456789';
/** The suites send many requests from one address: budgets lifted except where a test measures them. */
const LIFTED = {
  publicRateLimit: { max: 100_000, window: '1m' },
  rateLimits: { checkout: { max: 10_000, window: '1m' }, tracking: { max: 10_000, window: '1m' }, forms: { max: 10_000, window: '1m' } },
};
const common = { checkout: { shipsTo: ['PT', 'ES'] }, contact: { email: 'ola@loja-teste.example' }, schedules: { scanOnFirstStart: false, orderReconcile: '24h' } };

let sim: RunningSimulator;
let fake: FakeStripe;
let dir: string;
const shops: Partial<Record<DatabaseName, TestStore>> = {};
let shop: TestStore;
let manual: TestStore;
let stripe: TestStore;
/** An English store with tight budgets and a trusted proxy. */
let limits: TestStore;
let goods: Buyable[];

const ADDRESS = { name: 'Ana Silva', email: 'ana@example.pt', phone: '+351 912 345 678', country: 'PT', province: '', city: 'Lisboa', zip: '1100-148', address1: 'Rua Augusta 10', address2: '' };

beforeAll(async () => {
  [sim, fake] = await Promise.all([testSimulator(), FakeStripe.start({ secretKey: SECRET_KEY })]);
  dir = mkdtempSync(join(tmpdir(), 'lojista-shop-buy-'));
  const shopId = uniqueStoreId('s');
  const file = join(dir, `${shopId}.yaml`);
  writeFileSync(file, '# the test store reads its config from the harness; this file marks its folder\n');
  mkdirSync(join(dir, shopId, 'pages'), { recursive: true });
  writeFileSync(
    join(dir, shopId, 'pages', 'termos.md'),
    '# Termos da Loja Teste\n\nTexto do dono com <script>alert("x")</script> e um [link perigoso](javascript:alert(1)) e **negrito**.\n',
  );
  const stripePort = await freePort();
  const [sqlite, postgres, manualStore, stripeStore, limitsStore] = await Promise.all([
    startTestStore({ database: 'sqlite', sim, id: shopId, file, config: { name: 'Loja Teste', ...common, http: { port: 0, ...LIFTED } } }),
    dbs[1]!.available ? startTestStore({ database: 'postgres', sim, config: { name: 'Loja Teste PG', ...common, http: { port: 0, ...LIFTED } } }) : undefined,
    startTestStore({ database: 'sqlite', sim, config: { ...common, http: { port: 0, ...LIFTED }, payments: { provider: 'manual', manual: { iban: IBAN, accountHolder: 'Astral Lda' } } } }),
    startTestStore({
      database: 'sqlite',
      sim,
      port: stripePort,
      config: {
        ...common,
        http: { port: 0, ...LIFTED },
        payments: { provider: 'stripe', storefrontUrl: `http://127.0.0.1:${stripePort}`, stripe: { apiBase: fake.apiBase, maxNetworkRetries: 0 } },
      },
      secrets: { stripeSecretKey: SECRET_KEY, stripeWebhookSecret: WEBHOOK_SECRET },
    }),
    startTestStore({
      database: 'sqlite',
      sim,
      secrets: { deeplApiKey: 'unused-no-scan-runs' },
      config: {
        name: 'Limits Shop',
        locale: 'en-GB',
        translation: { provider: 'deepl', fallback: 'none', locale: 'en-GB' },
        ...common,
        http: {
          port: 0,
          trustProxy: true,
          publicRateLimit: { max: 100_000, window: '1m' },
          rateLimits: { checkout: { max: 2, window: '10m' }, tracking: { max: 2, window: '10m' }, forms: { max: 2, window: '10m' } },
        },
      },
    }),
  ]);
  shop = sqlite;
  shops.sqlite = sqlite;
  if (postgres) shops.postgres = postgres;
  manual = manualStore;
  stripe = stripeStore;
  limits = limitsStore;
  await scanCatalogue(shop);
  await copyCatalogue(shop, ...[postgres, manual, stripe, limits].filter((s): s is TestStore => s !== undefined));
  goods = await buyables(shop.runtime.ctx, 20);
}, 240_000);

afterAll(async () => {
  await Promise.all([shops.sqlite, shops.postgres, manual, stripe, limits].map((s) => s?.close()));
  await fake?.close();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ordersWithKey = async (store: TestStore, key: string) =>
  Number((await store.runtime.ctx.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).where('checkout_key', '=', key).executeTakeFirstOrThrow()).n);

/** A customer with `quantity` of a variant in their cart. */
async function customerWithCart(store: TestStore, variantId: string, quantity = 1, paths = { csrfFrom: '/newsletter', add: '/carrinho/adicionar' }): Promise<ShopClient> {
  const client = new ShopClient(store.url);
  const token = await client.csrf(paths.csrfFrom);
  const added = await client.post(paths.add, { _csrf: token, variantId, quantity: String(quantity) });
  expect(added.status, added.html).toBe(303);
  return client;
}

/** The checkout form's fields as the page gives them, with the customer's address. */
async function checkoutForm(client: ShopClient, overrides: Record<string, string> = {}) {
  const page = await client.get('/finalizar-compra');
  expect(page.status, page.html).toBe(200);
  const shipping = radioValues(page.html, 'shipping');
  expect(shipping.length).toBeGreaterThan(0);
  return {
    page,
    form: { _csrf: csrfIn(page.html), checkoutKey: hiddenField(page.html, 'checkoutKey'), ...ADDRESS, shipping: shipping[0]!, terms: 'yes', action: 'order', ...overrides },
  };
}

describe.each(dbs)('the whole purchase over HTTP on $name', (db) => {
  it('cart → checkout (demo payment) → order page paid at CJ → found by tracking; a double submit is one order', async () => {
    const store = shops[db.name];
    if (!store) return expect(db.available).toBe(false);
    const item = goods[0]!;
    const client = await customerWithCart(store, item.variantId, 2);
    expect(client.cookies.has(cookieName(store.id, 'cart'))).toBe(true);

    const cart = await client.get('/carrinho');
    expect(cart.status).toBe(200);
    expect(cart.headers.get('cache-control')).toBe('no-store');
    const text = textOf(cart.html);
    expect(text).toContain(item.title);
    expect(cart.html).toContain('data-count="2"');
    expect(text).toContain('Envio para Portugal');
    expect(cart.html).toContain('href="/finalizar-compra"');

    // The form refuses what is wrong, field by field, and creates nothing.
    const { page, form } = await checkoutForm(client);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self';");
    const bad = await client.post('/finalizar-compra', { ...form, zip: '1100', terms: '' });
    expect(bad.status).toBe(422);
    expect(textOf(bad.html)).toContain('Código postal inválido para este país (por exemplo 1100-148)');
    expect(textOf(bad.html)).toContain('aceite os termos e condições');
    expect(bad.html).toContain('aria-invalid="true"');
    expect(await ordersWithKey(store, form.checkoutKey)).toBe(0);

    const placed = await client.post('/finalizar-compra', form);
    expect(placed.status, textOf(placed.html)).toBe(303);
    const number = /^\/encomenda\/([A-Z0-9-]+)$/.exec(placed.location ?? '')?.[1];
    expect(number).toBeDefined();
    // The same form again (a double click): the same order, no second one.
    const again = await client.post('/finalizar-compra', form);
    expect(again.status).toBe(303);
    expect(again.location).toBe(placed.location);
    expect(await ordersWithKey(store, form.checkoutKey)).toBe(1);
    const order = (await getOrder(store.runtime.ctx.db, number!))!;
    expect(order.lines.map((l) => [l.variantId, l.quantity, l.unitPriceMinor])).toEqual([[item.variantId, 2, item.unitPriceMinor]]);
    expect(order.customer.email).toBe('ana@example.pt');

    // The order page reads the state on the server; the demo payment sends it to CJ within seconds.
    const paid = await until('the order page to show paid at CJ', async () => {
      const p = await client.get(`/encomenda/${number}`);
      return orderStatusIn(p.html) === 'paid' ? p : undefined;
    }, 30_000, 250);
    expect(paid.headers.get('cache-control')).toBe('no-store');
    expect(textOf(paid.html)).toContain('Em preparação para envio');
    expect(textOf(paid.html)).toContain(item.title);
    // The purchase is done: the cart is empty.
    const after = await client.get('/carrinho');
    expect(textOf(after.html)).toContain('O seu carrinho está vazio');
    expect(after.html).toContain('data-count="0"');

    // Someone else, with the number only, sees nothing of it; number + email finds it.
    const stranger = new ShopClient(store.url);
    const blind = await stranger.get(`/encomenda/${number}`);
    expect(blind.status).toBe(200);
    expect(textOf(blind.html)).toContain('Confirme o seu email');
    expect(textOf(blind.html)).not.toContain(item.title);
    const tracking = await stranger.get('/seguir-encomenda');
    const wrong = await stranger.post('/seguir-encomenda', { _csrf: csrfIn(tracking.html), number: number!, email: 'outra@example.pt' });
    expect(wrong.status).toBe(404);
    expect(textOf(wrong.html)).toContain('Não encontrámos nenhuma encomenda com esse número e email');
    const found = await stranger.post('/seguir-encomenda', { _csrf: csrfIn(wrong.html), number: number!.toLowerCase(), email: 'ANA@example.pt' });
    expect(found.status).toBe(303);
    expect(found.location).toBe(`/encomenda/${number}`);
    const shown = await stranger.get(found.location!);
    expect(orderStatusIn(shown.html)).toBe('paid');
    expect(textOf(shown.html)).toContain('Histórico');
  }, 90_000);
});

describe('the cart', () => {
  it('flags a price change, keeps checkout closed until the customer accepts today\'s price', async () => {
    const item = goods[1]!;
    const client = await customerWithCart(shop, item.variantId);
    await shop.runtime.ctx.db.updateTable('products').set({ price_override_minor: item.unitPriceMinor + 300 }).where('id', '=', item.productId).execute();
    try {
      const cart = await client.get('/carrinho');
      expect(textOf(cart.html)).toMatch(/O preço mudou de .+ para .+ desde que o adicionou/);
      expect(cart.html).not.toContain('href="/finalizar-compra"');
      const checkout = await client.get('/finalizar-compra');
      expect(checkout.status).toBe(303);
      expect(checkout.location).toBe('/carrinho');
      const accepted = await client.post('/carrinho/atualizar', { _csrf: csrfIn(cart.html), action: 'accept' });
      expect(accepted.status).toBe(303);
      const now = await client.get('/carrinho');
      expect(textOf(now.html)).toContain('Os preços atuais foram aceites');
      expect(now.html).toContain('href="/finalizar-compra"');
    } finally {
      await shop.runtime.ctx.db.updateTable('products').set({ price_override_minor: null }).where('id', '=', item.productId).execute();
    }
  });

  it('changes quantities and removes lines, refusing more than is in stock', async () => {
    const item = goods[2]!;
    const client = await customerWithCart(shop, item.variantId, 1);
    let cart = await client.get('/carrinho');
    const tooMany = await client.post('/carrinho/atualizar', { _csrf: csrfIn(cart.html), action: 'update', variantId: item.variantId, quantity: String(item.stock + 1) });
    expect(tooMany.status).toBe(303);
    cart = await client.get('/carrinho');
    expect(textOf(cart.html)).toMatch(/No máximo \d+ unidades|Só temos \d+ em stock/);
    await client.post('/carrinho/atualizar', { _csrf: csrfIn(cart.html), action: 'update', variantId: item.variantId, quantity: '3' });
    cart = await client.get('/carrinho');
    expect(cart.html).toContain('data-count="3"');
    await client.post('/carrinho/atualizar', { _csrf: csrfIn(cart.html), action: 'remove', variantId: item.variantId, quantity: '3' });
    cart = await client.get('/carrinho');
    expect(textOf(cart.html)).toContain('Produto removido do carrinho');
    expect(textOf(cart.html)).toContain('O seu carrinho está vazio');
  });

  it('shows the same shipping charge the checkout and POST /api/shipping/quote compute', async () => {
    const item = goods[0]!;
    const client = await customerWithCart(shop, item.variantId, 3);
    const quote = await fetch(`${shop.url}/api/shipping/quote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ variantId: item.variantId, quantity: 3 }], country: 'es' }),
    });
    expect(quote.status).toBe(200);
    const body = (await quote.json()) as { country: string; options: Array<{ logisticName: string; minDays: number; maxDays: number; charge: { minor: number; formatted: string } }> };
    expect(body.country).toBe('ES');
    expect(body.options.length).toBeGreaterThan(0);
    const cheapest = body.options[0]!;
    const cart = await client.get('/carrinho?pais=ES');
    const text = textOf(cart.html);
    expect(text).toContain('Envio para Espanha');
    expect(text).toContain(cheapest.charge.minor === 0 ? 'Grátis' : cheapest.charge.formatted);
    expect(text).toContain(`entrega em ${cheapest.minDays}–${cheapest.maxDays} dias úteis`);
    // The carrier's name is the supplier's business, not the customer's.
    expect(cart.html).not.toContain(cheapest.logisticName);
    const refused = await fetch(`${shop.url}/api/shipping/quote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ variantId: item.variantId, quantity: 1 }], country: 'US' }),
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid_address', field: 'body.country' } });
  });

  it('refuses a checkout form made stale by a change in the cart', async () => {
    const client = await customerWithCart(shop, goods[0]!.variantId);
    const { form } = await checkoutForm(client);
    await client.post('/carrinho/adicionar', { _csrf: form._csrf, variantId: goods[1]!.variantId, quantity: '1' });
    const stale = await client.post('/finalizar-compra', form);
    expect(stale.status).toBe(303);
    expect(stale.location).toBe('/finalizar-compra');
    expect(await ordersWithKey(shop, form.checkoutKey)).toBe(0);
    const shown = await client.get('/finalizar-compra');
    expect(textOf(shown.html)).toContain('O seu carrinho mudou desde que abriu esta página');
    // Another cart's form is not this cart's either.
    const other = await customerWithCart(shop, goods[0]!.variantId);
    const theirs = await checkoutForm(other);
    const foreign = await client.post('/finalizar-compra', { ...theirs.form, _csrf: csrfIn(shown.html) });
    expect(foreign.status).toBe(303);
    expect(await ordersWithKey(shop, theirs.form.checkoutKey)).toBe(0);
  });
});

describe('security', () => {
  it('refuses a post with a missing or forged CSRF token, with the store 403 page, and changes nothing', async () => {
    const client = new ShopClient(shop.url);
    const token = await client.csrf('/newsletter');
    const missing = await client.post('/carrinho/adicionar', { variantId: goods[0]!.variantId, quantity: '1' });
    expect(missing.status).toBe(403);
    expect(textOf(missing.html)).toContain('O formulário expirou');
    const forged = await client.post('/carrinho/adicionar', { _csrf: `${token.slice(0, -4)}AAAA`, variantId: goods[0]!.variantId, quantity: '1' });
    expect(forged.status).toBe(403);
    // A valid token from another visitor does not go with this visitor's secret.
    const other = new ShopClient(shop.url);
    const theirs = await other.csrf('/newsletter');
    const crossed = await client.post('/carrinho/adicionar', { _csrf: theirs, variantId: goods[0]!.variantId, quantity: '1' });
    expect(crossed.status).toBe(403);
    for (const path of ['/finalizar-compra', '/carrinho/atualizar', '/seguir-encomenda', '/newsletter']) {
      expect((await client.post(path, { x: '1' })).status, path).toBe(403);
    }
    expect(client.cookies.has(cookieName(shop.id, 'cart'))).toBe(false);
    expect((await client.get('/carrinho')).html).toContain('data-count="0"');
  });

  it('lets a first visitor add from the tokenless product page only from this site, then asks every post for a token', async () => {
    const add = (client: ShopClient, headers: Record<string, string>) =>
      client.request('POST', '/carrinho/adicionar', { _csrf: '', variantId: goods[0]!.variantId, quantity: '1' }, headers);
    const cartCookie = cookieName(shop.id, 'cart');
    const { slug } = await shop.runtime.ctx.db.selectFrom('products').select('slug').where('id', '=', goods[0]!.productId).executeTakeFirstOrThrow();
    // Cross-site (another site's form or script), a foreign Origin, a null Origin, or no word from the browser: refused.
    const crossSite: Array<Record<string, string>> = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }, { origin: 'null' }, {}];
    for (const headers of crossSite) {
      const stranger = new ShopClient(shop.url);
      const refused = await add(stranger, headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(stranger.cookies.has(cartCookie), JSON.stringify(headers)).toBe(false);
    }
    // The same-origin check does not stand in for the token once the visitor has a cart.
    const customer = await customerWithCart(shop, goods[0]!.variantId);
    expect((await add(customer, { 'sec-fetch-site': 'same-origin' })).status).toBe(403);
    // From this site (Sec-Fetch-Site, or an Origin naming this host): added, and the visitor gets a CSRF secret with the cart.
    const thisSite: Array<Record<string, string>> = [{ 'sec-fetch-site': 'same-origin' }, { origin: shop.url }];
    for (const headers of thisSite) {
      const visitor = new ShopClient(shop.url);
      const page = await visitor.get(`/produto/${slug}`);
      expect(page.html).toContain('name="_csrf" value=""');
      const added = await add(visitor, headers);
      expect(added.status, JSON.stringify(headers)).toBe(303);
      expect(visitor.cookies.has(cartCookie)).toBe(true);
      expect(visitor.cookies.has(cookieName(shop.id, 'csrf'))).toBe(true);
      // Now a post without a valid token is refused, from this site or not.
      expect((await add(visitor, { 'sec-fetch-site': 'same-origin' })).status).toBe(403);
      const withToken = await visitor.post('/carrinho/adicionar', { _csrf: csrfIn((await visitor.get(`/produto/${slug}`)).html), variantId: goods[0]!.variantId, quantity: '1' });
      expect(withToken.status).toBe(303);
    }
  });

  it("does not accept another store's cart cookie, nor a tampered one", async () => {
    const client = await customerWithCart(shop, goods[0]!.variantId, 2);
    const value = client.cookies.get(cookieName(shop.id, 'cart'))!;
    // The browser sends every localhost cookie to every port: store B must ignore store A's.
    const onB = new ShopClient(limits.url);
    onB.cookies.set(cookieName(shop.id, 'cart'), value);
    expect((await onB.get('/cart')).html).toContain('data-count="0"');
    // Even under B's own name, A's signature does not verify with B's key.
    onB.cookies.set(cookieName(limits.id, 'cart'), value);
    expect((await onB.get('/cart')).html).toContain('data-count="0"');
    const tampered = new ShopClient(shop.url);
    tampered.cookies.set(cookieName(shop.id, 'cart'), value.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect((await tampered.get('/carrinho')).html).toContain('data-count="0"');
    expect((await client.get('/carrinho')).html).toContain('data-count="2"');
  });

  it('marks cookies Secure behind a TLS proxy the store trusts, and not on plain http', async () => {
    const plain = new ShopClient(limits.url);
    const page = await plain.get('/newsletter');
    const setCookies = page.headers.getSetCookie();
    expect(setCookies.some((c) => c.startsWith(cookieName(limits.id, 'csrf')))).toBe(true);
    expect(setCookies.every((c) => !/;\s*Secure/i.test(c))).toBe(true);
    expect(setCookies.every((c) => /HttpOnly/i.test(c) && /SameSite=Lax/i.test(c))).toBe(true);
    const secure = await plain.request('GET', '/newsletter', undefined, { 'x-forwarded-proto': 'https' });
    expect(secure.headers.getSetCookie().every((c) => /;\s*Secure/i.test(c))).toBe(true);
    expect(secure.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('never redirects off the site: form fields cannot choose where a post lands', async () => {
    const client = new ShopClient(shop.url);
    const token = await client.csrf('/newsletter');
    const extras: Array<Record<string, string>> = [{ redirect: 'https://evil.example/' }, { next: '//evil.example' }, { returnTo: 'https://evil.example' }];
    for (const extra of extras) {
      const res = await client.post('/carrinho/adicionar', { _csrf: token, variantId: goods[0]!.variantId, quantity: '1', ...extra });
      expect(res.status).toBe(303);
      expect(res.location).toBe('/carrinho');
    }
    const unknown = await client.post('/carrinho/adicionar', { _csrf: token, variantId: 'https://evil.example', quantity: '1' });
    expect(unknown.location).toBe('/carrinho');
  });

  it('spends the tracking, forms and checkout budgets, answering 429 with the store page', async () => {
    const client = new ShopClient(limits.url);
    const token = await client.csrf('/newsletter');
    const budgets: Array<[string, Record<string, string>]> = [
      ['/track-order', { _csrf: token, number: 'LIMI-261120-AAAAAAAA', email: 'a@example.com' }],
      ['/newsletter', { _csrf: token, email: 'not-an-email' }],
      ['/checkout', { _csrf: token, checkoutKey: 'x' }],
    ];
    for (const [path, form] of budgets) {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await client.post(path, form)).status);
      expect(statuses.slice(0, 2).every((s) => s !== 429), `${path}: ${statuses.join(',')}`).toBe(true);
      const limited = await client.post(path, form);
      expect(limited.status, path).toBe(429);
      expect(limited.headers.get('content-type')).toMatch(/^text\/html/);
      expect(textOf(limited.html)).toContain('Too many requests');
    }
    // The general budget is apart: the shop still answers.
    expect((await client.get('/cart')).status).toBe(200);
  });
});

describe('payments', () => {
  it('bank transfer: the order page gives the amount, the IBAN and the reference, and the cart is done', async () => {
    const client = await customerWithCart(manual, goods[0]!.variantId);
    const { page, form } = await checkoutForm(client);
    expect(textOf(page.html)).toContain('transferência bancária');
    const placed = await client.post('/finalizar-compra', form);
    expect(placed.status, textOf(placed.html)).toBe(303);
    const number = placed.location!.split('/').pop()!;
    const order = (await getOrder(manual.runtime.ctx.db, number))!;
    const shown = await client.get(placed.location!);
    const text = textOf(shown.html);
    expect(orderStatusIn(shown.html)).toBe('awaiting_payment');
    expect(text).toContain('Dados para a transferência');
    expect(text).toContain('PT50 0002 0123 1234 5678 9015 4');
    expect(text).toContain(`Referência (indique-a no descritivo): ${number}`);
    expect(text).toMatch(new RegExp(`Montante: ${(order.totalMinor / 100).toFixed(2).replace('.', ',')}\\s*€`));
    expect((await client.get('/carrinho')).html).toContain('data-count="0"');
  });

  it('Stripe: redirects to Checkout (allowed by the page policy), and a cancelled payment returns to an intact cart', async () => {
    const item = goods[0]!;
    const client = await customerWithCart(stripe, item.variantId, 2);
    const { page, form } = await checkoutForm(client);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self' https://checkout.stripe.com;");
    const sessionsBefore = fake.sessions.size;
    const sent = await client.post('/finalizar-compra', form);
    expect(sent.status, textOf(sent.html)).toBe(303);
    expect(sent.location).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    const sessionId = sent.location!.split('/').pop()!;
    const session = fake.sessions.get(sessionId)!;
    const order = (await stripe.runtime.ctx.db.selectFrom('orders').selectAll().where('checkout_key', '=', form.checkoutKey).executeTakeFirstOrThrow());
    // Back to the storefront's own pages, in the store's language.
    expect(session.success_url).toBe(`${stripe.url}/encomenda/${order.number}?order=${order.number}&session_id={CHECKOUT_SESSION_ID}`);
    expect(session.cancel_url).toBe(`${stripe.url}/carrinho?order=${order.number}`);
    // A double submit opens no second payment.
    const again = await client.post('/finalizar-compra', form);
    expect(again.location).toBe(sent.location);
    expect(fake.sessions.size).toBe(sessionsBefore + 1);

    // The customer cancels on Stripe's page: the cart is as it was, and says what happened.
    const back = await client.get(new URL(session.cancel_url as string).pathname + new URL(session.cancel_url as string).search);
    const text = textOf(back.html);
    expect(text).toContain('O pagamento não foi concluído');
    expect(text).toContain(item.title);
    expect(back.html).toContain('data-count="2"');
    // The success page never trusts its query string: the order is still awaiting payment.
    const success = await client.get(`/encomenda/${order.number}?order=${order.number}&session_id=${sessionId}&status=paid`);
    expect(orderStatusIn(success.html)).toBe('awaiting_payment');

    // Paying later (a verified webhook) completes the order, and the cart empties.
    const event = {
      id: `evt_${randomBytes(12).toString('hex')}`,
      object: 'event',
      api_version: '2026-10-28.endive',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: 'checkout.session.completed',
      data: { object: { ...session, status: 'complete', payment_status: 'paid', payment_intent: `pi_${randomBytes(8).toString('hex')}` } },
    };
    const payload = JSON.stringify(event);
    const hook = await fetch(`${stripe.url}/api/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) },
      body: payload,
    });
    expect(hook.status).toBe(200);
    await until('the Stripe order to be paid', async () => {
      const p = await client.get(`/encomenda/${order.number}`);
      return orderStatusIn(p.html) !== 'awaiting_payment' ? p : undefined;
    }, 30_000, 250);
    expect((await client.get('/carrinho')).html).toContain('data-count="0"');
  }, 60_000);

  it('Stripe: never sends a customer to a payment page off the provider\'s origin', async () => {
    const client = await customerWithCart(stripe, goods[1]!.variantId);
    const { form } = await checkoutForm(client);
    fake.tamper = (s) => {
      s.url = 'https://evil.example/pay';
    };
    try {
      const res = await client.post('/finalizar-compra', form);
      expect(res.status).toBe(500);
      expect(res.location).toBeNull();
      expect(textOf(res.html)).toContain('Algo correu mal');
    } finally {
      fake.tamper = undefined;
    }
  });
});

describe('information pages and the newsletter', () => {
  it("renders the owner's Markdown with raw HTML and javascript: links disabled", async () => {
    const page = await new ShopClient(shop.url).get('/termos-e-condicoes');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Termos da Loja Teste</h1>');
    expect(page.html).toContain('<strong>negrito</strong>');
    expect(page.html).toContain('&lt;script&gt;alert(');
    expect(page.html).not.toContain('<script>alert');
    expect(page.html).not.toMatch(/href="javascript:/i);
  });

  it('serves default pages that name the store, in the store language and paths', async () => {
    const client = new ShopClient(shop.url);
    const privacy = textOf((await client.get('/privacidade')).html);
    expect(privacy).toContain('Loja Teste');
    expect(privacy).toContain('ola@loja-teste.example');
    expect(privacy).toContain('RGPD');
    expect(textOf((await client.get('/devolucoes')).html)).toContain('14 dias');
    expect(textOf((await client.get('/envios')).html)).toMatch(/Enviamos para Portugal e Espanha/);
    expect(textOf((await client.get('/contacto')).html)).toContain('ola@loja-teste.example');
    const english = new ShopClient(limits.url);
    const terms = await english.get('/terms');
    expect(terms.status).toBe(200);
    expect(terms.html).toContain('<html lang="en-GB">');
    expect(textOf(terms.html)).toContain('These terms govern purchases made in the online shop Limits Shop');
    expect((await english.get('/returns')).status).toBe(200);
  });

  it('records a newsletter lead with consent, answering alike for a new and a known email', async () => {
    const client = new ShopClient(shop.url);
    const email = `leitor-${randomBytes(4).toString('hex')}@example.pt`;
    const teaser = await client.get(`/newsletter?email=${encodeURIComponent(email)}`);
    expect(teaser.html).toContain(`value="${email}"`);
    const noConsent = await client.post('/newsletter', { _csrf: csrfIn(teaser.html), email });
    expect(noConsent.status).toBe(422);
    expect(textOf(noConsent.html)).toContain('marque a caixa de consentimento');
    const answers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await client.post('/newsletter', { _csrf: csrfIn(teaser.html), email, name: 'Rita', consent: 'yes' });
      expect(res.status).toBe(303);
      answers.push(textOf((await client.get(res.location!)).html));
    }
    expect(answers[0]).toContain('O seu pedido de subscrição foi registado');
    expect(answers[1]).toBe(answers[0]);
    const leads = await shop.runtime.ctx.db.selectFrom('leads').selectAll().where('email', '=', email).execute();
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ source: 'newsletter', consent: 1, name: 'Rita' });
  });
});

describe('page weight', () => {
  /** Bytes of the page's HTML, stylesheets and scripts, each compressed with brotli. */
  async function weight(client: ShopClient, html: string): Promise<number> {
    const assets = [...html.matchAll(/<(?:link rel="stylesheet" href|script src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    let total = brotliCompressSync(Buffer.from(html)).length;
    for (const asset of assets) total += brotliCompressSync(Buffer.from(await (await fetch(`${client.base}${asset}`)).arrayBuffer())).length;
    return total;
  }

  it('keeps every buying page within 50 KB of HTML, CSS and JavaScript, compressed', async () => {
    const client = await customerWithCart(shop, goods[0]!.variantId, 2);
    const token = await client.csrf('/newsletter');
    for (const item of goods.slice(1, 4)) await client.post('/carrinho/adicionar', { _csrf: token, variantId: item.variantId, quantity: '1' });
    const sizes: Record<string, number> = {};
    const measure = async (name: string, res: { status: number; html: string }) => {
      expect(res.status, name).toBeLessThan(500);
      sizes[name] = await weight(client, res.html);
    };
    await measure('cart', await client.get('/carrinho'));
    const { page, form } = await checkoutForm(client);
    await measure('checkout', page);
    await measure('checkout with errors', await client.post('/finalizar-compra', { ...form, zip: 'x', name: '' }));
    const placed = await client.post('/finalizar-compra', form);
    await measure('order', await client.get(placed.location!));
    await measure('empty cart', await client.get('/carrinho'));
    await measure('tracking', await client.get('/seguir-encomenda'));
    await measure('order email check', await new ShopClient(shop.url).get(placed.location!));
    for (const path of ['/termos-e-condicoes', '/privacidade', '/devolucoes', '/envios', '/contacto', '/newsletter']) await measure(path, await client.get(path));
    const over = Object.entries(sizes).filter(([, bytes]) => bytes >= 50 * 1024);
    expect(over, JSON.stringify(sizes)).toEqual([]);
  });
});
