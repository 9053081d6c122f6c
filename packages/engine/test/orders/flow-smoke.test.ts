import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '@lojista/cj-sim';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { reconcileOrders } from '../../src/orders/reconcile.js';
import { getOrder } from '../../src/orders/order-repository.js';

async function until<T>(fn: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('an order from checkout to delivered (smoke)', () => {
  let sim: RunningSimulator;
  let store: TestStore;
  beforeAll(async () => {
    sim = await testSimulator();
    store = await startTestStore({ database: 'sqlite', sim });
    await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 120 });
  });
  afterAll(async () => {
    await store?.close();
    await sim?.close();
  });

  it('is created and paid at CJ once, then shipped and delivered', async () => {
    const catalog = (await (await fetch(`${store.url}/api/catalog?limit=1`)).json()) as { items: Array<{ variants: Array<{ id: string; available: boolean }> }> };
    const variant = catalog.items[0]!.variants.find((v) => v.available)!;
    const res = await fetch(`${store.url}/api/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        checkoutKey: 'smoke-checkout-key-0001',
        lines: [{ variantId: variant.id, quantity: 1 }],
        customer: { name: 'Ana Silva', email: 'ana@example.pt', phone: '+351 912 345 678' },
        address: { country: 'PT', city: 'Lisboa', zip: '1100-148', address1: 'Rua Augusta 10' },
      }),
    });
    const body = (await res.json()) as { order: { orderId: string; number: string; status: string }; payment: { kind: string } };
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.payment.kind).toBe('paid');
    const ctx = store.runtime.ctx;
    const paid = await until(async () => {
      const o = await getOrder(ctx.db, body.order.orderId);
      return o?.status === 'paid' ? o : undefined;
    });
    expect(paid.cj.orderId).toBeTruthy();
    await sim.control.advanceClock({ days: 3 });
    await reconcileOrders(ctx);
    await sim.control.advanceClock({ days: 30 });
    await reconcileOrders(ctx);
    const final = await getOrder(ctx.db, body.order.orderId);
    expect(final?.status).toBe('delivered');
    const creates = sim.control.ledger({ kind: 'order' } as never);
    expect(Array.isArray(creates)).toBe(true);
  });
});
