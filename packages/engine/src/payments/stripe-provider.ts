// Stripe Checkout for one store: a hosted payment page per order. The session is created with the
// server's amounts, tagged with the order on both the session and its payment intent, and keyed
// `checkout:<orderId>` so that a retried start (timeout, crash, double click) returns the session that
// already exists instead of opening a second way to pay for the same order.
import type Stripe from 'stripe';
import { throwIfAborted, withAbort } from './abort.js';
import { PaymentError } from './payment-error.js';
import type { PaymentEvent } from './payment-event.js';
import type { PaymentProvider, PaymentStart, PaymentStartInput } from './provider.js';
import { validateStartInput } from './start-input.js';
import { createStripeClient, stripeKeyMode } from './stripe-client.js';
import { mapStripeError } from './stripe-errors.js';
import { toPaymentEvent } from './stripe-payment-event.js';
import { buildCheckoutSessionParams, checkoutIdempotencyKey } from './stripe-session-params.js';
import { DEFAULT_WEBHOOK_TOLERANCE_SEC, StripeSignatureError, verifyStripeEvent } from './stripe-webhook.js';

export interface StripeProviderOptions {
  /** sk_live_…, sk_test_… or a restricted rk_… key; from the store's secrets, never its config. */
  secretKey: string;
  /** whsec_… of the store's webhook endpoint. */
  webhookSecret: string;
  apiBase?: string;
  timeoutMs?: number;
  maxNetworkRetries?: number;
  sessionTtlMinutes?: number;
  webhookToleranceSec?: number;
  /** Epoch ms, for webhook timestamp checks; tests move it. */
  now?: () => number;
}

export interface RefundInput {
  orderId: string;
  /** The Checkout Session id the order was paid through (the order's payment reference). */
  reference: string;
  amountMinor: number;
  currency: string;
  idempotencyKey: string;
}

export interface RefundResult {
  /** Stripe's refund id (re_…). */
  id: string;
  amountMinor: number;
  status: string;
}

export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  readonly redirectOrigins: readonly string[] = ['https://checkout.stripe.com'];
  /** Whether the key moves real money; events from the other mode are refused. */
  readonly mode: 'live' | 'test';
  readonly #client: Stripe;
  readonly #webhookSecret: string;
  readonly #sessionTtlMinutes: number;
  readonly #toleranceSec: number;
  readonly #now: () => number;

  constructor(opts: StripeProviderOptions) {
    const mode = stripeKeyMode(opts.secretKey);
    if (mode === undefined) {
      throw new PaymentError(
        'misconfigured',
        'stripeSecretKey does not look like a Stripe secret key (sk_live_…, sk_test_… or rk_…); a pk_ publishable key cannot create sessions',
      );
    }
    if (!opts.webhookSecret.startsWith('whsec_')) {
      throw new PaymentError('misconfigured', 'stripeWebhookSecret must be the endpoint signing secret (whsec_…)');
    }
    this.mode = mode;
    this.#webhookSecret = opts.webhookSecret;
    this.#sessionTtlMinutes = opts.sessionTtlMinutes ?? 60;
    this.#toleranceSec = opts.webhookToleranceSec ?? DEFAULT_WEBHOOK_TOLERANCE_SEC;
    this.#now = opts.now ?? Date.now;
    this.#client = createStripeClient(opts.secretKey, {
      apiBase: opts.apiBase ?? 'https://api.stripe.com',
      timeoutMs: opts.timeoutMs ?? 15_000,
      maxNetworkRetries: opts.maxNetworkRetries ?? 2,
    });
  }

  async start(input: PaymentStartInput, opts: { signal?: AbortSignal } = {}): Promise<PaymentStart> {
    validateStartInput(input);
    throwIfAborted(opts.signal);
    const params = buildCheckoutSessionParams(input, { sessionTtlMinutes: this.#sessionTtlMinutes });
    let session: Stripe.Checkout.Session;
    try {
      session = await withAbort(
        this.#client.checkout.sessions.create(params, { idempotencyKey: checkoutIdempotencyKey(input) }),
        opts.signal,
      );
    } catch (err) {
      throw mapStripeError(err, `creating the Checkout Session for order ${input.orderId}`);
    }
    return toRedirect(session, input);
  }

  /**
   * Refunds `amountMinor` of an order paid through Checkout Session `reference`. The idempotency key
   * is the caller's record of this one refund: a retried call (timeout, crash, double submit)
   * returns the refund Stripe already made instead of making another.
   */
  async refund(input: RefundInput, opts: { signal?: AbortSignal } = {}): Promise<RefundResult> {
    throwIfAborted(opts.signal);
    let session: Stripe.Checkout.Session;
    try {
      session = await withAbort(this.#client.checkout.sessions.retrieve(input.reference), opts.signal);
    } catch (err) {
      throw mapStripeError(err, `reading Checkout Session ${input.reference} of order ${input.orderId}`);
    }
    const intent = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
    if (!intent) throw new PaymentError('rejected', `Checkout Session ${input.reference} has no payment to refund (not paid?)`);
    let refund: Stripe.Refund;
    try {
      refund = await withAbort(
        this.#client.refunds.create(
          { payment_intent: intent, amount: input.amountMinor, reason: 'requested_by_customer', metadata: { orderId: input.orderId } },
          { idempotencyKey: input.idempotencyKey },
        ),
        opts.signal,
      );
    } catch (err) {
      throw mapStripeError(err, `refunding order ${input.orderId}`);
    }
    if (typeof refund.id !== 'string' || !refund.id.startsWith('re_')) throw new PaymentError('bad_response', `Stripe refund for order ${input.orderId}: unexpected id ${String(refund.id)}`);
    if (refund.amount !== input.amountMinor || refund.currency.toUpperCase() !== input.currency) {
      throw new PaymentError('bad_response', `Stripe refund ${refund.id} is ${refund.amount} ${refund.currency}, asked ${input.amountMinor} ${input.currency}`);
    }
    return { id: refund.id, amountMinor: refund.amount, status: refund.status ?? 'pending' };
  }

  /**
   * Verifies a webhook delivery and maps it. Throws StripeSignatureError for anything unverifiable
   * (answer 400, store nothing); the returned `eventId` is what the inbox de-duplicates on.
   */
  parseWebhook(rawBody: Buffer | string, signatureHeader: string | undefined): { eventId: string; event: PaymentEvent } {
    const verified = verifyStripeEvent(rawBody, signatureHeader, this.#webhookSecret, {
      toleranceSec: this.#toleranceSec,
      now: this.#now,
    });
    if (verified.livemode !== (this.mode === 'live')) {
      throw new StripeSignatureError(
        'livemode_mismatch',
        `a ${verified.livemode ? 'live' : 'test'}-mode event reached a store using a ${this.mode} key`,
      );
    }
    return { eventId: verified.id, event: toPaymentEvent(verified) };
  }
}

/**
 * Checks the answer before a customer is sent anywhere: a session that would collect a different
 * amount, currency or order than ours is refused (it cannot come from our parameters, so something
 * between us and Stripe is wrong).
 */
function toRedirect(session: Stripe.Checkout.Session, input: PaymentStartInput): PaymentStart {
  const fail = (detail: string) =>
    new PaymentError('bad_response', `Stripe session for order ${input.orderId}: ${detail}`);
  if (typeof session.id !== 'string' || !session.id.startsWith('cs_')) throw fail(`unexpected id ${String(session.id)}`);
  if (typeof session.url !== 'string' || session.url === '') throw fail('no hosted payment page URL');
  if (typeof session.amount_total === 'number' && session.amount_total !== input.amountMinor) {
    throw fail(`amount_total ${session.amount_total} differs from the order total ${input.amountMinor}`);
  }
  if (typeof session.currency === 'string' && session.currency.toUpperCase() !== input.currency) {
    throw fail(`currency ${session.currency} differs from ${input.currency}`);
  }
  if (typeof session.client_reference_id === 'string' && session.client_reference_id !== input.orderId) {
    throw fail(`client_reference_id ${session.client_reference_id} is another order`);
  }
  return { kind: 'redirect', url: session.url, reference: session.id };
}
