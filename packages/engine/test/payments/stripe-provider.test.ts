// The Stripe provider, through the real `stripe` SDK, against the local fake Stripe API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaymentError, StripePaymentProvider, type StripeProviderOptions } from '../../src/payments/index.js';
import { FakeStripe, type FormObject } from './fake-stripe.js';
import { NOW, orderInput, SECRET_KEY, WEBHOOK_SECRET } from './fixtures.js';

let fake: FakeStripe;

beforeEach(async () => {
  fake = await FakeStripe.start({ secretKey: SECRET_KEY, now: () => NOW });
});
afterEach(async () => {
  await fake.close();
});

function provider(overrides: Partial<StripeProviderOptions> = {}): StripePaymentProvider {
  return new StripePaymentProvider({
    secretKey: SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    apiBase: fake.apiBase,
    timeoutMs: 2000,
    maxNetworkRetries: 0,
    sessionTtlMinutes: 60,
    ...overrides,
  });
}

async function startError(p: StripePaymentProvider, input = orderInput(), signal?: AbortSignal): Promise<PaymentError> {
  const err: unknown = await p.start(input, signal ? { signal } : {}).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PaymentError);
  return err as PaymentError;
}

describe('StripePaymentProvider.start', () => {
  it('creates a Checkout Session from the server-computed amounts and redirects to it', async () => {
    const start = await provider().start(orderInput());

    expect(start).toEqual({
      kind: 'redirect',
      reference: 'cs_test_fake000001',
      url: 'https://checkout.stripe.com/c/pay/cs_test_fake000001',
    });
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v1/checkout/sessions');
    expect(req.headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(req.headers['idempotency-key']).toBe('checkout:ord_01JAXQ7Z');

    const p = req.params;
    expect(p.mode).toBe('payment');
    expect(p.line_items).toEqual([
      {
        quantity: '2',
        price_data: {
          currency: 'eur',
          unit_amount: '1299',
          product_data: { name: 'Vela de soja — lavanda', images: ['https://cdn.example.com/vela.jpg'] },
        },
      },
      // "not a url" is dropped rather than failing the payment.
      { quantity: '1', price_data: { currency: 'eur', unit_amount: '850', product_data: { name: 'Incenso de sândalo' } } },
      { quantity: '1', price_data: { currency: 'eur', unit_amount: '490', product_data: { name: 'Portes de envio' } } },
    ]);
    expect(p.client_reference_id).toBe('ord_01JAXQ7Z');
    expect(p.customer_email).toBe('maria@example.pt');
    expect(p.locale).toBe('pt');
    // The braces survive: Stripe substitutes the literal {CHECKOUT_SESSION_ID}.
    expect(p.success_url).toBe('https://astralmia.pt/checkout/success?order=AST-1042&session_id={CHECKOUT_SESSION_ID}');
    expect(p.cancel_url).toBe('https://astralmia.pt/cart?order=AST-1042');
    expect(p.metadata).toEqual({ orderId: 'ord_01JAXQ7Z', orderNumber: 'AST-1042' });
    expect((p.payment_intent_data as FormObject).metadata).toEqual({ orderId: 'ord_01JAXQ7Z', orderNumber: 'AST-1042' });
    expect(p.expires_at).toBe(String(NOW / 1000 + 60 * 60));

    // What Stripe will charge, recomputed from the request it received, is the order total.
    const charged = (p.line_items as FormObject[]).reduce((sum, item) => {
      const price = item.price_data as FormObject;
      return sum + Number(price.unit_amount) * Number(item.quantity);
    }, 0);
    expect(charged).toBe(orderInput().amountMinor);
    expect(fake.sessions.get('cs_test_fake000001')?.amount_total).toBe(3938);
  });

  it('adds no shipping line when shipping is free, and leaves expires_at to Stripe without createdAt', async () => {
    const input = orderInput({ shippingMinor: 0, amountMinor: 3448, createdAt: undefined, locale: 'en-US' });
    await provider().start(input);
    const p = fake.requests[0]!.params;
    expect(p.line_items as FormObject[]).toHaveLength(2);
    expect(p.expires_at).toBeUndefined();
    expect(p.locale).toBe('en');
  });

  it('returns the same session when the start is retried for the same order', async () => {
    const p = provider();
    const first = await p.start(orderInput());
    const second = await p.start(orderInput());
    expect(second).toEqual(first);
    expect(fake.sessions.size).toBe(1);
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual(['checkout:ord_01JAXQ7Z', 'checkout:ord_01JAXQ7Z']);
  });

  it('opens a fresh session for a new attempt on the same order', async () => {
    const p = provider();
    const first = await p.start(orderInput());
    const second = await p.start(orderInput({ attempt: 2 }));
    expect(second.reference).not.toBe(first.reference);
    expect(fake.requests[1]!.headers['idempotency-key']).toBe('checkout:ord_01JAXQ7Z:2');
  });

  it('reports a lost answer as an unknown outcome, and the retry returns the session Stripe created', async () => {
    // Two drops: the SDK retries a reset connection once by itself, with the same key.
    fake.dropNextResponses(2);
    const err = await startError(provider());
    expect(err.code).toBe('unavailable');
    expect(err.outcomeUnknown).toBe(true);
    expect(err.retryable).toBe(true);
    expect(fake.sessions.size).toBe(1);

    const retried = await provider().start(orderInput());
    expect(retried.reference).toBe([...fake.sessions.keys()][0]);
    expect(fake.sessions.size).toBe(1);
    expect(new Set(fake.requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set(['checkout:ord_01JAXQ7Z']));
  });

  it('lets the SDK retry a 500 with the same idempotency key', async () => {
    fake.failNext(1, 500);
    const start = await provider({ maxNetworkRetries: 1 }).start(orderInput());
    expect(start.kind).toBe('redirect');
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0]!.headers['idempotency-key']).toBe(fake.requests[1]!.headers['idempotency-key']);
    expect(fake.sessions.size).toBe(1);
  });

  it('maps a 500 with no retries left to a retryable "unavailable"', async () => {
    fake.failNext(1, 503);
    const err = await startError(provider());
    expect(err).toMatchObject({ code: 'unavailable', retryable: true, outcomeUnknown: true, statusCode: 503 });
  });

  it('maps a timeout to "unavailable" with an unknown outcome', async () => {
    fake.hangNext();
    const began = Date.now();
    const err = await startError(provider({ timeoutMs: 300 }));
    expect(err.code).toBe('unavailable');
    expect(err.outcomeUnknown).toBe(true);
    expect(err.message).toMatch(/timeout/i);
    expect(Date.now() - began).toBeLessThan(2000);
  });

  it('stops waiting when the caller aborts', async () => {
    fake.hangNext();
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('client went away')), 50);
    const err = await startError(provider({ timeoutMs: 5000 }), orderInput(), controller.signal);
    expect(err).toMatchObject({ code: 'aborted', outcomeUnknown: true });
  });

  it('refuses an already-aborted start without calling Stripe', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await startError(provider(), orderInput(), controller.signal);
    expect(err.code).toBe('aborted');
    expect(fake.requests).toHaveLength(0);
  });

  it('maps a refused key to "authentication" (not retryable)', async () => {
    const err = await startError(provider({ secretKey: 'sk_test_51SomeoneElsesKey' }));
    expect(err).toMatchObject({ code: 'authentication', retryable: false, statusCode: 401 });
  });

  it('maps a reused key with other parameters to "idempotency_conflict"', async () => {
    const p = provider();
    await p.start(orderInput());
    const changed = orderInput({ lines: [{ title: 'Vela de soja — lavanda', quantity: 3, unitPriceMinor: 1299 }], amountMinor: 3897 + 490 });
    const err = await startError(p, changed);
    expect(err.code).toBe('idempotency_conflict');
    expect(fake.sessions.size).toBe(1);
  });

  it('maps a Stripe 400 to "rejected" with Stripe\'s message', async () => {
    const tiny = orderInput({ lines: [{ title: 'Autocolante', quantity: 1, unitPriceMinor: 20 }], shippingMinor: 0, amountMinor: 20 });
    const err = await startError(provider(), tiny);
    expect(err).toMatchObject({ code: 'rejected', retryable: false, statusCode: 400 });
    expect(err.message).toMatch(/at least €0.50/);
  });

  it('refuses, before calling Stripe, an order whose parts do not add up to its total', async () => {
    const err = await startError(provider(), orderInput({ amountMinor: 50 }));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(/amountMinor 50 differs from lines \+ shipping = 3938/);
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    ['a fractional price', { lines: [{ title: 'x', quantity: 1, unitPriceMinor: 12.5 }], amountMinor: 12.5, shippingMinor: 0 }, /lines\.0\.unitPriceMinor/],
    ['a zero quantity', { lines: [{ title: 'x', quantity: 0, unitPriceMinor: 100 }], amountMinor: 490 }, /lines\.0\.quantity/],
    ['a 0-decimal currency', { currency: 'JPY' }, /currency/],
    ['a lower-case currency', { currency: 'eur' }, /currency/],
    ['no lines', { lines: [], amountMinor: 490 }, /lines/],
    ['a non-http success URL', { successUrl: 'javascript:alert(1)' }, /successUrl/],
  ])('refuses %s', async (_label, overrides, message) => {
    const err = await startError(provider(), orderInput(overrides as never));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(message);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a session whose total is not the order total', async () => {
    fake.tamper = (session) => {
      session.amount_total = 1;
    };
    const err = await startError(provider());
    expect(err.code).toBe('bad_response');
    expect(err.message).toMatch(/amount_total 1 differs/);
  });

  it('refuses to be built with a publishable key or a non-whsec webhook secret', () => {
    expect(() => provider({ secretKey: 'pk_test_123' })).toThrow(/publishable/);
    expect(() => provider({ webhookSecret: 'secret' })).toThrow(/whsec_/);
  });

  it('knows whether its key is live or test', () => {
    expect(provider().mode).toBe('test');
    expect(provider({ secretKey: 'sk_live_51abc' }).mode).toBe('live');
  });
});
