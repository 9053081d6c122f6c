// From a verified Stripe event to what the order side consumes.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  checkPaidAmount,
  PaymentError,
  StripePaymentProvider,
  StripeSignatureError,
  toPaymentEvent,
  type PaidEvent,
} from '../../src/payments/index.js';
import { NOW, paidSession, SECRET_KEY, stripeEvent, WEBHOOK_SECRET } from './fixtures.js';

const event = (type: string, object: Record<string, unknown>) => stripeEvent(type, object) as unknown as Stripe.Event;

const charge = (overrides: Record<string, unknown> = {}) => ({
  id: 'ch_3Qfake',
  object: 'charge',
  amount: 3938,
  amount_refunded: 3938,
  currency: 'eur',
  refunded: true,
  payment_intent: 'pi_3QfakeIntent',
  metadata: { orderId: 'ord_01JAXQ7Z', orderNumber: 'AST-1042' },
  ...overrides,
});

describe('toPaymentEvent', () => {
  it('maps a completed, paid session to "paid" with what Stripe collected', () => {
    expect(toPaymentEvent(event('checkout.session.completed', paidSession()))).toEqual({
      type: 'paid',
      eventId: 'evt_1QfakeEventId',
      orderId: 'ord_01JAXQ7Z',
      orderNumber: 'AST-1042',
      reference: 'cs_test_a1b2c3',
      paymentIntent: 'pi_3QfakeIntent',
      amountMinor: 3938,
      currency: 'EUR',
    });
  });

  it('maps an asynchronous payment that succeeded to "paid", and reads an expanded payment intent', () => {
    const mapped = toPaymentEvent(
      event('checkout.session.async_payment_succeeded', paidSession({ payment_intent: { id: 'pi_expanded', object: 'payment_intent' } })),
    );
    expect(mapped).toMatchObject({ type: 'paid', orderId: 'ord_01JAXQ7Z', paymentIntent: 'pi_expanded' });
  });

  it('does not call a completed but unpaid session (Multibanco, SEPA pending) paid', () => {
    expect(toPaymentEvent(event('checkout.session.completed', paidSession({ payment_status: 'unpaid' })))).toEqual({
      type: 'ignored',
      eventId: 'evt_1QfakeEventId',
      eventType: 'checkout.session.completed',
      reason: 'payment_status is unpaid, not paid',
    });
    expect(toPaymentEvent(event('checkout.session.async_payment_succeeded', paidSession({ payment_status: 'unpaid' }))).type).toBe(
      'ignored',
    );
  });

  it('maps a failed asynchronous payment and an expired session', () => {
    const unpaid = paidSession({ payment_status: 'unpaid', payment_intent: null });
    expect(toPaymentEvent(event('checkout.session.async_payment_failed', unpaid))).toEqual({
      type: 'failed',
      eventId: 'evt_1QfakeEventId',
      orderId: 'ord_01JAXQ7Z',
      reference: 'cs_test_a1b2c3',
    });
    expect(toPaymentEvent(event('checkout.session.expired', { ...unpaid, status: 'expired' }))).toEqual({
      type: 'expired',
      eventId: 'evt_1QfakeEventId',
      orderId: 'ord_01JAXQ7Z',
      reference: 'cs_test_a1b2c3',
    });
  });

  it('maps a refund through the order id Stripe copied onto the charge', () => {
    expect(toPaymentEvent(event('charge.refunded', charge()))).toEqual({
      type: 'refunded',
      eventId: 'evt_1QfakeEventId',
      orderId: 'ord_01JAXQ7Z',
      paymentIntent: 'pi_3QfakeIntent',
      reference: 'ch_3Qfake',
      amountMinor: 3938,
      amountRefundedMinor: 3938,
      currency: 'EUR',
      full: true,
    });
    expect(toPaymentEvent(event('charge.refunded', charge({ amount_refunded: 1000, refunded: false })))).toMatchObject({
      type: 'refunded',
      full: false,
      amountRefundedMinor: 1000,
    });
  });

  it('maps a refund without metadata by its payment intent, and ignores one with neither', () => {
    const byIntent = toPaymentEvent(event('charge.refunded', charge({ metadata: {} })));
    expect(byIntent).toMatchObject({ type: 'refunded', paymentIntent: 'pi_3QfakeIntent' });
    expect(byIntent).not.toHaveProperty('orderId');
    expect(toPaymentEvent(event('charge.refunded', charge({ metadata: {}, payment_intent: null }))).type).toBe('ignored');
  });

  it('ignores sessions that are not ours and event types it does not use', () => {
    const foreign = paidSession({ metadata: {}, client_reference_id: 'someone-elses-id' });
    expect(toPaymentEvent(event('checkout.session.completed', foreign))).toMatchObject({
      type: 'ignored',
      reason: expect.stringMatching(/metadata\.orderId/) as unknown as string,
    });
    expect(toPaymentEvent(event('checkout.session.completed', paidSession({ mode: 'subscription' }))).type).toBe('ignored');
    expect(toPaymentEvent(event('customer.created', { id: 'cus_1', object: 'customer' }))).toEqual({
      type: 'ignored',
      eventId: 'evt_1QfakeEventId',
      eventType: 'customer.created',
      reason: 'event type not used by lojista',
    });
  });

  it('throws (so the inbox job fails loudly) on an event that is ours but unreadable', () => {
    const cases = [
      paidSession({ amount_total: null }),
      paidSession({ client_reference_id: 'ord_OTHER' }),
      paidSession({ amount_total: 39.38 }),
      { object: 'checkout.session' },
    ];
    for (const object of cases) {
      expect(() => toPaymentEvent(event('checkout.session.completed', object))).toThrow(PaymentError);
    }
  });
});

describe('checkPaidAmount', () => {
  const paid = toPaymentEvent(event('checkout.session.completed', paidSession())) as PaidEvent;
  it('passes only the exact total in the order currency', () => {
    expect(checkPaidAmount(paid, { amountMinor: 3938, currency: 'EUR' })).toEqual({ ok: true });
    expect(checkPaidAmount(paid, { amountMinor: 3939, currency: 'EUR' })).toEqual({
      ok: false,
      reason: 'paid 3938 minor units, order total is 3939',
    });
    expect(checkPaidAmount(paid, { amountMinor: 3938, currency: 'USD' }).ok).toBe(false);
  });
});

describe('StripePaymentProvider.parseWebhook', () => {
  const provider = (secretKey = SECRET_KEY) =>
    new StripePaymentProvider({ secretKey, webhookSecret: WEBHOOK_SECRET, apiBase: 'http://127.0.0.1:9', now: () => NOW });
  const body = JSON.stringify(stripeEvent('checkout.session.completed', paidSession()));
  const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET, timestamp: NOW / 1000 });

  it('verifies, then maps, and exposes the event id for de-duplication', () => {
    const { eventId, event: mapped } = provider().parseWebhook(Buffer.from(body), header);
    expect(eventId).toBe('evt_1QfakeEventId');
    expect(mapped).toMatchObject({ type: 'paid', orderId: 'ord_01JAXQ7Z', amountMinor: 3938 });
  });

  it('rejects an unsigned delivery before mapping anything', () => {
    expect(() => provider().parseWebhook(body, undefined)).toThrow(StripeSignatureError);
  });

  it('rejects a test-mode event on a store with a live key', () => {
    let caught: unknown;
    try {
      provider('sk_live_51abc').parseWebhook(body, header);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StripeSignatureError);
    expect((caught as StripeSignatureError).reason).toBe('livemode_mismatch');
  });
});
