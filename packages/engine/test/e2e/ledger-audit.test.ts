// The counters the end-to-end tests rely on must be able to fail. The simulator refuses a second
// order with the same orderNumber and a second payment of one order, so a healthy run can never
// show a count above one — these checks feed the audit ledgers that break exactly-once in every way
// it can break (a duplicate, an extra order for one purchase, a missing order, a double payment, an
// unpaid order), take one live order through the simulator to show an extra CJ order is seen,
// and check the latency figures.
//
// Rerun: npx vitest run packages/engine/test/e2e/ledger-audit.test.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CjClient } from '@lojista/cj';
import type { LedgerEntry, RunningSimulator } from '@lojista/cj-sim';
import { testSimulator } from '../support/store-harness.js';
import { auditLedger, median, paymentToPaidSeconds, percentile, planCheckouts, seededRandom, type CatalogVariant } from './support/e2e-kit.js';

let seq = 0;
const base = { at: 0, simTime: 0, openId: '1000001' };
const order = (orderNumber: string, cjOrderId: string): LedgerEntry => ({ ...base, seq: ++seq, kind: 'order', cjOrderId, orderNumber, amount: '10.00', status: 'CREATED', via: 'createOrderV2' });
const payment = (...cjOrderIds: string[]): LedgerEntry => ({ ...base, seq: ++seq, kind: 'payment', cjOrderIds, amount: '10.00', balanceAfter: '90.00', via: 'payBalance' });

describe('the ledger audit detects every way exactly-once can break', () => {
  const ours = ['A-1', 'A-2', 'A-3'];

  it('finds nothing in a clean ledger', () => {
    const audit = auditLedger([order('A-1', '1'), order('A-2', '2'), order('A-3', '3'), payment('1'), payment('2'), payment('3')], ours);
    expect(audit).toMatchObject({ cjOrders: 3, duplicates: [], extra: [], missing: [], doublePayments: [], unpaid: [], createdOnce: 3, paidOnce: 3 });
  });

  it('counts a duplicated order, an extra order, a missing one, a double payment and an unpaid order', () => {
    const audit = auditLedger(
      [order('A-1', '1'), order('A-1', '11'), order('B-9', '9'), order('A-2', '2'), payment('1'), payment('2'), payment('2'), payment('9')],
      ours,
    );
    expect(audit.duplicates).toEqual([{ orderNumber: 'A-1', count: 2 }]);
    expect(audit.extra).toEqual(['B-9']);
    expect(audit.missing).toEqual(['A-3']);
    expect(audit.doublePayments).toEqual([{ orderNumber: 'A-2', count: 2 }]);
    expect(audit.createdOnce).toBe(1);
    expect(audit.paidOnce).toBe(1);
  });

  it('counts a payment of several orders (payBalanceV2) once per order, and ignores other accounts', () => {
    const other = { ...order('A-3', '3'), openId: '2000002' };
    const audit = auditLedger([order('A-1', '1'), order('A-2', '2'), other, payment('1', '2'), payment('2')], ours, '1000001');
    expect(audit.doublePayments).toEqual([{ orderNumber: 'A-2', count: 2 }]);
    expect(audit.missing).toEqual(['A-3']);
    expect(audit.unpaid).toEqual([]);
  });

  it('adds up the money: debited once per order, or more', () => {
    const clean = auditLedger([order('A-1', '1'), order('A-2', '2'), payment('1'), payment('2')], ours);
    expect(clean.debitedCents).toBe(2_000);
    expect(clean.orderAmountsCents).toBe(2_000);
    const twice = auditLedger([order('A-1', '1'), order('A-2', '2'), payment('1'), payment('2'), payment('2')], ours);
    expect(twice.debitedCents).toBeGreaterThan(twice.orderAmountsCents);
  });

  it('reports an unpaid order', () => {
    expect(auditLedger([order('A-1', '1'), order('A-2', '2'), order('A-3', '3'), payment('1'), payment('3')], ours).unpaid).toEqual(['A-2']);
  });
});

describe('the ledger audit on a live simulator', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await testSimulator({ catalogueSize: 2000 });
  });
  afterAll(async () => sim?.close());

  it('sees a second CJ order placed for one purchase under another number', async () => {
    const account = sim.control.createAccount({ qps: 50 });
    const cj = new CjClient({ apiKey: account.apiKey, baseUrl: sim.baseUrl, qps: 6 });
    const variant = sim.control
      .listProducts({ inStock: true, limit: 50 })
      .flatMap((p) => p.variants)
      .find((v) => v.status === 1 && v.stock.some((s) => s.countryCode === 'CN' && s.total > 5))!;
    const freight = await cj.logistic.freightCalculate({ startCountryCode: 'CN', endCountryCode: 'PT', products: [{ vid: variant.vid, quantity: 1 }] });
    const create = (orderNumber: string) =>
      cj.orders.createV2({
        orderNumber,
        shippingCountryCode: 'PT',
        shippingCountry: 'Portugal',
        shippingProvince: 'Lisboa',
        shippingCity: 'Lisboa',
        shippingCustomerName: 'Ana Silva',
        shippingAddress: 'Rua Augusta 10',
        shippingZip: '1100-148',
        logisticName: freight[0]!.logisticName,
        fromCountryCode: 'CN',
        products: [{ vid: variant.vid, quantity: 1 }],
        payType: 3,
      });
    const first = await create('LIVE-0001');
    await cj.orders.confirm(first.orderId!);
    await cj.pay.payBalance(first.orderId!);
    const clean = auditLedger(sim.control.ledger({ kind: ['order', 'payment'] }), ['LIVE-0001'], account.openId);
    expect(clean).toMatchObject({ cjOrders: 1, duplicates: [], extra: [], missing: [], doublePayments: [], paidOnce: 1 });
    // The same purchase sent again under a fresh number: the simulator accepts it, the audit flags it.
    await create('LIVE-0001-B');
    const broken = auditLedger(sim.control.ledger({ kind: ['order', 'payment'] }), ['LIVE-0001'], account.openId);
    expect(broken.cjOrders).toBe(2);
    expect(broken.extra).toEqual(['LIVE-0001-B']);
  });
});

describe('the latency figures', () => {
  it('measure from the payment confirmation (→ pending) to paid at CJ (→ paid)', () => {
    const at = (s: number) => new Date(Date.UTC(2026, 10, 24, 10, 0, s)).toISOString();
    const events = [
      { from: null, to: 'awaiting_payment', reason: 'checkout', actor: 'customer', at: at(0) },
      { from: 'awaiting_payment', to: 'pending', reason: 'paid via demo', actor: 'payment', at: at(2) },
      { from: 'pending', to: 'confirmed', reason: 'CJ status UNPAID', actor: 'fulfilment', at: at(3) },
      { from: 'confirmed', to: 'paid', reason: 'CJ status UNSHIPPED', actor: 'fulfilment', at: at(5) },
    ];
    expect(paymentToPaidSeconds(events)).toBe(3);
    expect(paymentToPaidSeconds(events.slice(0, 3))).toBeNull();
  });

  it('median and p95 (nearest rank)', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(median(xs)).toBe(50.5);
    expect(percentile(xs, 95)).toBe(95);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('the plan of checkouts is the same for the same seed', () => {
    const variants: CatalogVariant[] = Array.from({ length: 20 }, (_, i) => ({ productId: `p${i}`, variantId: `v${i}`, stock: { CN: 50 } }));
    expect(planCheckouts(variants, 30, 5)).toEqual(planCheckouts(variants, 30, 5));
    expect(planCheckouts(variants, 30, 5)).not.toEqual(planCheckouts(variants, 30, 6));
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });
});
