// The console's overview in Chromium, on SQLite and PostgreSQL, on a fixed clock: with no orders it
// says nothing needs the owner; after a known set of orders (paid today, 3, 20 and 40 days ago, one
// refunded, one held for the CJ balance) every figure on the page is the one those rows give —
// computed here from the rows, not from the service — the chart's table has the days, orders by
// state match, and the held order's one-click action leads to its retry confirmation. No axe
// violation, at 390 px and on a desktop.
import type { RunningSimulator } from '@lojista/cj-sim';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOwnerPassword } from '../../src/admin/auth/credentials.js';
import { hashPassword } from '../../src/admin/auth/password-hash.js';
import { ManualClock } from '../../src/clock.js';
import type { OrdersTable } from '../../src/db/schema.js';
import { newOrderNumber } from '../../src/orders/order-number.js';
import { formatPrice } from '../../src/web/format.js';
import { axeViolations, chromiumAvailable, collectProblems, launchBrowser, type TestBrowser } from '../support/browser.js';
import { testDatabases, type DatabaseName } from '../support/databases.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { onEach } from '../orders/helpers.js';
import { insertOrder } from '../services/seed.js';

const PASSWORD = 'correct horse battery';
const DAY = 86_400_000;
/** 20 November 2026, 12:00 in Lisbon (UTC+0 in winter). */
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const dbs = await testDatabases();
const eur = (minor: number) => formatPrice(minor, 'EUR', 'pt-PT');

interface Known {
  status: OrdersTable['status'];
  daysAgo: number;
  totalMinor: number;
  shippingMinor: number;
  cjUsd: string | null;
  hold?: string;
}

// VAT 23 % and 0.92 EUR per USD (the test store's rate): totals divide exactly by 1.23.
const KNOWN: Known[] = [
  { status: 'paid', daysAgo: 0, totalMinor: 12_300, shippingMinor: 500, cjUsd: '10.00' },
  { status: 'shipped', daysAgo: 3, totalMinor: 24_600, shippingMinor: 0, cjUsd: '20.00' },
  { status: 'on_hold', daysAgo: 1, totalMinor: 12_300, shippingMinor: 0, cjUsd: '10.00', hold: 'insufficient_balance' },
  // Not charged by CJ yet: its cost is the quote (4.00 + 1.00 USD).
  { status: 'delivered', daysAgo: 20, totalMinor: 6_150, shippingMinor: 490, cjUsd: null },
  { status: 'delivered', daysAgo: 40, totalMinor: 99_900, shippingMinor: 0, cjUsd: '50.00' },
  { status: 'refunded', daysAgo: 0, totalMinor: 50_000, shippingMinor: 0, cjUsd: '30.00' },
];

/** What the page must show, computed from KNOWN the plain way (integer cents; costs rounded up). */
function expected(days: number) {
  const rows = KNOWN.filter((o) => o.status !== 'refunded' && o.daysAgo < days);
  const revenue = rows.reduce((s, o) => s + o.totalMinor, 0);
  const shipping = rows.reduce((s, o) => s + o.shippingMinor, 0);
  const costCents = rows.reduce((s, o) => s + Math.round(Number(o.cjUsd ?? '5.00') * 100), 0);
  const cjCost = Math.ceil((costCents * 92) / 100);
  const net = Math.round(revenue / 1.23);
  return { orders: rows.length, revenue, shipping, cjCost, margin: net - cjCost };
}

describe.skipIf(!chromiumAvailable('the console overview in Chromium'))('console overview (SQLite and PostgreSQL)', () => {
  let sim: RunningSimulator;
  let browser: TestBrowser;
  const stores: Partial<Record<DatabaseName, TestStore>> = {};

  beforeAll(async () => {
    [sim, browser] = await Promise.all([testSimulator(), launchBrowser()]);
    const open = async (database: DatabaseName) => {
      const store = await startTestStore({ database, sim, clock: new ManualClock(NOW), config: { schedules: { scanOnFirstStart: false, orderReconcile: '24h' } } });
      await setOwnerPassword(store.runtime.ctx.db, store.runtime.ctx.clock, await hashPassword(PASSWORD));
      return store;
    };
    stores.sqlite = await open('sqlite');
    if (dbs[1]!.available) stores.postgres = await open('postgres');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const s of Object.values(stores)) await s?.close();
    await sim?.close();
  });

  async function insertKnown(store: TestStore): Promise<Map<Known, string>> {
    const numbers = new Map<Known, string>();
    const db = store.runtime.ctx.db;
    for (const [i, o] of KNOWN.entries()) {
      const paidAt = new Date(NOW - o.daysAgo * DAY - 2 * 3_600_000).toISOString();
      const number = newOrderNumber('OVW', NOW - i);
      numbers.set(o, number);
      await insertOrder(db, {
        number,
        status: o.status,
        held_from: o.hold ? 'confirmed' : null,
        hold_reason: o.hold ?? null,
        hold_detail: o.hold ? 'CJ balance 0.50 USD is below the order\'s 10.00 USD' : null,
        checkout_key: `ovw-${number}`,
        customer_email: 'ana@example.pt',
        ship_province: 'Lisboa',
        items_minor: o.totalMinor - o.shippingMinor,
        shipping_minor: o.shippingMinor,
        total_minor: o.totalMinor,
        shipping_quote_usd: '1.00',
        cost_usd: '4.00',
        payment_ref: `demo-${number}`,
        paid_at: paidAt,
        cj_order_id: o.cjUsd ? `CJ${i}` : null,
        cj_amount_usd: o.cjUsd,
        cj_paid_at: o.cjUsd && o.status !== 'on_hold' ? paidAt : null,
        created_at: paidAt,
        updated_at: paidAt,
      });
    }
    return numbers;
  }

  async function loggedIn(store: TestStore, width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${store.url}/admin/entrar`);
    await page.getByLabel('Palavra-passe').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${store.url}/admin`);
    return page;
  }

  const cells = (page: Page, figure: string) => page.locator(`td[data-figure="${figure}"]`).allTextContents();

  it('shows the empty state, then the figures the database holds after a known set of orders', { timeout: 120_000 }, () =>
    onEach(stores, async (store) => {
      const page = await loggedIn(store, 390);
      const problems = collectProblems(page);
      expect(await page.locator('.attention .empty').textContent()).toBe('Nada precisa de si agora. Tudo a andar.');
      expect(await page.locator('p.supplier').textContent()).toContain('simulador CJ');
      expect(await axeViolations(page)).toEqual([]);

      const numbers = await insertKnown(store);
      await page.reload();
      const periods = [expected(1), expected(7), expected(30)];
      expect(await cells(page, 'orders')).toEqual(periods.map((p) => String(p.orders)));
      expect(await cells(page, 'revenue')).toEqual(periods.map((p) => eur(p.revenue)));
      expect(await cells(page, 'shipping')).toEqual(periods.map((p) => eur(p.shipping)));
      expect(await cells(page, 'cjCost')).toEqual(periods.map((p) => eur(p.cjCost)));
      expect(await cells(page, 'margin')).toEqual(periods.map((p) => eur(p.margin)));
      // Spelled out once, so a wrong formula above cannot agree with itself: 30 days = four orders.
      expect(periods[2]).toEqual({ orders: 4, revenue: 55_350, shipping: 990, cjCost: 4_140, margin: 40_860 });

      for (const [state, n] of Object.entries({ paid: 1, shipped: 1, on_hold: 1, delivered: 2, refunded: 1 })) {
        expect(await page.locator(`dd[data-state="${state}"]`).textContent(), state).toBe(String(n));
      }
      // The chart: an image with a name, and its figures as a table (today: one paid order).
      const chart = page.getByRole('img', { name: 'Receita e encomendas por dia, últimos 30 dias' });
      expect(await chart.count()).toBe(1);
      await page.getByText('Ver os números do gráfico').click();
      const lastRow = page.locator('details tbody tr').last();
      expect(await lastRow.locator('td').allTextContents()).toEqual(['1', eur(12_300)]);
      expect(await page.locator('details tbody tr').count()).toBe(30);

      // Needs attention: the held order (and the balance it waits for), with its one-click action.
      const held = KNOWN.find((o) => o.hold)!;
      const item = page.locator('li[data-kind="held_order"]');
      expect(await item.textContent()).toContain(numbers.get(held)!);
      const balance = page.locator('li[data-kind="cj_balance_low"]');
      expect(await balance.count()).toBe(1);
      expect(await balance.getByRole('link', { name: 'Encomendas retidas' }).getAttribute('href')).toBe('/admin/encomendas?hold=insufficient_balance');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await item.getByRole('link', { name: 'Tentar de novo' }).click();
      await page.waitForURL(`**/admin/encomendas/${numbers.get(held)!}/retry`);
      expect(await page.locator('h1').textContent()).toBe('Tentar de novo a encomenda retida');
      expect(problems).toEqual([]);
      await page.context().close();

      const desktop = await loggedIn(store, 1280);
      expect(await axeViolations(desktop)).toEqual([]);
      await desktop.context().close();
    }));
});
