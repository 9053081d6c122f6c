// Strict verification of Stripe webhook deliveries. The replaced system verified only when the
// `stripe-signature` header was present, so an unsigned "paid" event made it buy goods at CJ with
// the merchant's balance (original-system.md §4.3 S1). Here there is no path that returns an event
// without a valid signature: every failure throws StripeSignatureError and the caller answers 400
// without storing or processing anything.
//
// The scheme is Stripe's v1: header `t=<unix seconds>,v1=<hex hmac>[,v1=…]`, the HMAC-SHA256 of
// `<t>.<raw body bytes>` keyed with the endpoint's `whsec_…` secret. It is implemented here rather
// than through `stripe.webhooks.constructEvent` to get a precise failure reason, to hash the raw bytes
// (not a re-decoded string), and to also refuse timestamps from the future; the tests check that it
// accepts exactly what the SDK's own signer produces.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type Stripe from 'stripe';
import { z } from 'zod';

export type StripeSignatureFailure =
  | 'missing_secret'
  | 'missing_header'
  | 'malformed_header'
  | 'bad_signature'
  | 'timestamp_out_of_tolerance'
  | 'unparsable_payload'
  /** A test-mode event sent to a live store or the reverse (checked by StripePaymentProvider). */
  | 'livemode_mismatch';

export class StripeSignatureError extends Error {
  override readonly name = 'StripeSignatureError';
  constructor(
    readonly reason: StripeSignatureFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Stripe's own default: 5 minutes between signing and verification. */
export const DEFAULT_WEBHOOK_TOLERANCE_SEC = 300;
const MAX_HEADER_LENGTH = 8192;
const HEX_SHA256 = /^[0-9a-f]{64}$/;

export interface VerifyOptions {
  /** Largest accepted |now − t|, in seconds; must be positive (no "0 disables the check"). */
  toleranceSec?: number;
  /** Epoch milliseconds; tests move it. */
  now?: () => number;
}

// Only the envelope is checked here; the object inside is read (and validated) by toPaymentEvent.
const envelopeSchema = z.looseObject({
  id: z.string().min(1),
  object: z.literal('event'),
  type: z.string().min(1),
  created: z.number().int(),
  livemode: z.boolean(),
  data: z.looseObject({ object: z.looseObject({}) }),
});

/** Returns the event only when its signature is valid and fresh; throws StripeSignatureError otherwise. */
export function verifyStripeEvent(
  rawBody: Buffer | string,
  signatureHeader: string | undefined,
  webhookSecret: string,
  opts: VerifyOptions = {},
): Stripe.Event {
  const tolerance = opts.toleranceSec ?? DEFAULT_WEBHOOK_TOLERANCE_SEC;
  if (!Number.isFinite(tolerance) || tolerance <= 0) {
    throw new RangeError(`toleranceSec must be a positive number of seconds, got ${String(tolerance)}`);
  }
  if (typeof webhookSecret !== 'string' || webhookSecret.trim() === '') {
    throw new StripeSignatureError('missing_secret', 'no webhook secret configured; every event is rejected until stripeWebhookSecret is set');
  }
  if (typeof signatureHeader !== 'string' || signatureHeader.trim() === '') {
    throw new StripeSignatureError('missing_header', 'no stripe-signature header: unsigned events are never trusted');
  }
  const { timestamp, signatures } = parseSignatureHeader(signatureHeader);

  const body = toBytes(rawBody);
  const expected = createHmac('sha256', webhookSecret).update(`${timestamp}.`).update(body).digest();
  const matches = signatures.some((hex) => timingSafeEqual(Buffer.from(hex, 'hex'), expected));
  if (!matches) {
    throw new StripeSignatureError(
      'bad_signature',
      'no v1 signature matches the body: wrong webhook secret, or the body was altered (it must be the raw bytes as received)',
    );
  }

  const nowSec = Math.floor((opts.now ?? Date.now)() / 1000);
  if (Math.abs(nowSec - timestamp) > tolerance) {
    throw new StripeSignatureError(
      'timestamp_out_of_tolerance',
      `signed at ${timestamp}, now ${nowSec}: more than ${tolerance}s apart (a replay, or this machine's clock is wrong)`,
    );
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new StripeSignatureError('unparsable_payload', `signed body is not JSON: ${(err as Error).message}`);
  }
  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success) {
    const first = envelope.error.issues[0];
    throw new StripeSignatureError(
      'unparsable_payload',
      `signed body is not a Stripe event (${first ? `${first.path.join('.')}: ${first.message}` : 'bad shape'})`,
    );
  }
  return envelope.data as unknown as Stripe.Event;
}

function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } {
  if (header.length > MAX_HEADER_LENGTH) {
    throw new StripeSignatureError('malformed_header', 'stripe-signature header is too long');
  }
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      // Two timestamps would let a forger choose which one we read: refuse instead.
      if (timestamp !== undefined || !/^\d{1,12}$/.test(value)) {
        throw new StripeSignatureError('malformed_header', 'stripe-signature header has a missing, repeated or non-numeric t=');
      }
      timestamp = Number(value);
    } else if (key === 'v1' && HEX_SHA256.test(value)) {
      signatures.push(value);
    }
    // Other schemes (v0 is Stripe's test-only scheme) are ignored, as Stripe's own libraries do.
  }
  if (timestamp === undefined) {
    throw new StripeSignatureError('malformed_header', 'stripe-signature header has no t= timestamp');
  }
  if (signatures.length === 0) {
    throw new StripeSignatureError('malformed_header', 'stripe-signature header has no v1= signature');
  }
  return { timestamp, signatures };
}

function toBytes(rawBody: Buffer | string): Buffer {
  if (Buffer.isBuffer(rawBody)) {
    if (rawBody.length === 0) throw new StripeSignatureError('unparsable_payload', 'empty body');
    return rawBody;
  }
  if (typeof rawBody === 'string') {
    if (rawBody.length === 0) throw new StripeSignatureError('unparsable_payload', 'empty body');
    return Buffer.from(rawBody, 'utf8');
  }
  // Typically a body already parsed by a JSON parser: its bytes are gone, so it cannot be verified.
  throw new StripeSignatureError('unparsable_payload', 'the body must be the raw request bytes (Buffer or string), not parsed JSON');
}
