// Maps a verified Stripe event to a PaymentEvent. Input is a *verified* event (see stripe-webhook.ts);
// the object inside is still validated here, because webhooks are rendered in the endpoint's API
// version and a field may be missing or typed differently from the SDK's types.
//
// Rules: an event for something that is not one of our orders (no orderId: another integration on
// the same Stripe account) is 'ignored' with a reason; an event that *is* ours but cannot be read
// (a paid session without an amount, disagreeing order ids) throws, so the inbox job fails loudly
// and the operator sees it, instead of a payment being dropped in silence.
import type Stripe from 'stripe';
import { z } from 'zod';
import { PaymentError } from './payment-error.js';
import type { PaymentEvent } from './payment-event.js';

const idOrObject = z.union([z.string(), z.looseObject({ id: z.string() })]).nullish();
const metadataSchema = z.record(z.string(), z.string()).nullish();

const sessionSchema = z.looseObject({
  id: z.string().min(1),
  mode: z.string().nullish(),
  client_reference_id: z.string().nullish(),
  metadata: metadataSchema,
  payment_status: z.string().nullish(),
  amount_total: z.number().int().nonnegative().nullish(),
  currency: z.string().nullish(),
  payment_intent: idOrObject,
});

const chargeSchema = z.looseObject({
  id: z.string().min(1),
  amount: z.number().int().nonnegative(),
  amount_refunded: z.number().int().nonnegative(),
  currency: z.string().min(1),
  metadata: metadataSchema,
  payment_intent: idOrObject,
});

type Session = z.output<typeof sessionSchema>;

export function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  const eventId = event.id;
  const ignored = (reason: string): PaymentEvent => ({ type: 'ignored', eventId, eventType: event.type, reason });

  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = readObject(sessionSchema, event);
      const orderId = orderIdOf(session, event);
      if (orderId === undefined) return ignored('session has no metadata.orderId: not created by lojista');
      if (session.mode != null && session.mode !== 'payment') return ignored(`session mode ${session.mode}`);
      if (session.payment_status !== 'paid') {
        // Asynchronous methods (Multibanco, SEPA debit) complete the session before the money
        // arrives; the order stays awaiting payment until async_payment_succeeded.
        return ignored(`payment_status is ${String(session.payment_status)}, not paid`);
      }
      if (session.amount_total == null || session.currency == null) {
        throw malformed(event, 'a paid session without amount_total/currency');
      }
      const paymentIntent = idOf(session.payment_intent);
      const orderNumber = session.metadata?.orderNumber;
      return {
        type: 'paid',
        eventId,
        orderId,
        ...(orderNumber !== undefined ? { orderNumber } : {}),
        reference: session.id,
        ...(paymentIntent !== undefined ? { paymentIntent } : {}),
        amountMinor: session.amount_total,
        currency: session.currency.toUpperCase(),
      };
    }
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      const session = readObject(sessionSchema, event);
      const orderId = orderIdOf(session, event);
      if (orderId === undefined) return ignored('session has no metadata.orderId: not created by lojista');
      return {
        type: event.type === 'checkout.session.expired' ? 'expired' : 'failed',
        eventId,
        orderId,
        reference: session.id,
      };
    }
    case 'charge.refunded': {
      const charge = readObject(chargeSchema, event);
      // Stripe copies the payment intent's metadata (set at session creation) onto its charge.
      const orderId = charge.metadata?.orderId;
      const paymentIntent = idOf(charge.payment_intent);
      if (orderId === undefined && paymentIntent === undefined) {
        return ignored('charge has neither orderId metadata nor a payment intent');
      }
      return {
        type: 'refunded',
        eventId,
        ...(orderId !== undefined ? { orderId } : {}),
        ...(paymentIntent !== undefined ? { paymentIntent } : {}),
        reference: charge.id,
        amountMinor: charge.amount,
        amountRefundedMinor: charge.amount_refunded,
        currency: charge.currency.toUpperCase(),
        full: charge.amount_refunded >= charge.amount,
      };
    }
    default:
      return ignored('event type not used by lojista');
  }
}

function readObject<S extends z.ZodType>(schema: S, event: Stripe.Event): z.output<S> {
  const parsed = schema.safeParse(event.data.object);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw malformed(event, first ? `${first.path.join('.')}: ${first.message}` : 'unexpected object');
  }
  return parsed.data;
}

/**
 * metadata.orderId marks a session as ours (a bare client_reference_id may come from another
 * integration on the same account). We set client_reference_id too; if the two disagree, trust neither.
 */
function orderIdOf(session: Session, event: Stripe.Event): string | undefined {
  const fromMeta = session.metadata?.orderId;
  const fromRef = session.client_reference_id ?? undefined;
  if (fromMeta !== undefined && fromRef !== undefined && fromRef !== fromMeta) {
    throw malformed(event, `client_reference_id ${fromRef} and metadata.orderId ${fromMeta} disagree`);
  }
  return fromMeta;
}

function idOf(value: string | { id: string } | null | undefined): string | undefined {
  if (value == null) return undefined;
  return typeof value === 'string' ? value : value.id;
}

function malformed(event: Stripe.Event, detail: string): PaymentError {
  return new PaymentError('bad_response', `Stripe event ${event.id} (${event.type}) cannot be read: ${detail}`);
}
