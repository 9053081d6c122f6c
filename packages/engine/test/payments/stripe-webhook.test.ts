// Webhook verification with real signatures from the SDK's own signer, and the SDK as a second
// opinion: what we accept, Stripe's constructEvent accepts too.
import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { StripeSignatureError, verifyStripeEvent, type StripeSignatureFailure } from '../../src/payments/index.js';
import { NOW, paidSession, stripeEvent, WEBHOOK_SECRET } from './fixtures.js';

const nowSec = Math.floor(NOW / 1000);
const now = () => NOW;
const payload = JSON.stringify(stripeEvent('checkout.session.completed', paidSession()));

function sign(body: string, opts: { secret?: string; timestamp?: number } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret: opts.secret ?? WEBHOOK_SECRET,
    timestamp: opts.timestamp ?? nowSec,
  });
}

function rejection(fn: () => unknown): StripeSignatureFailure {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StripeSignatureError);
    return (err as StripeSignatureError).reason;
  }
  throw new Error('expected the event to be rejected, but it was accepted');
}

describe('verifyStripeEvent', () => {
  it('accepts an event signed with the endpoint secret, as a string or as raw bytes', () => {
    const header = sign(payload);
    const event = verifyStripeEvent(payload, header, WEBHOOK_SECRET, { now });
    expect(event.id).toBe('evt_1QfakeEventId');
    expect(event.type).toBe('checkout.session.completed');
    expect(verifyStripeEvent(Buffer.from(payload, 'utf8'), header, WEBHOOK_SECRET, { now }).id).toBe(event.id);
  });

  it('accepts a signature computed by hand (HMAC-SHA256 of "t.body")', () => {
    const hmac = createHmac('sha256', WEBHOOK_SECRET).update(`${nowSec}.${payload}`).digest('hex');
    expect(verifyStripeEvent(payload, `t=${nowSec},v1=${hmac}`, WEBHOOK_SECRET, { now }).id).toBe('evt_1QfakeEventId');
  });

  it('accepts when any of several v1 signatures matches (secret rotation)', () => {
    const good = sign(payload).split(',v1=')[1]!;
    const other = sign(payload, { secret: 'whsec_old' }).split(',v1=')[1]!;
    expect(verifyStripeEvent(payload, `t=${nowSec},v1=${other},v1=${good}`, WEBHOOK_SECRET, { now }).id).toBeDefined();
  });

  it.each([undefined, '', '   '])('rejects a delivery without a signature header (%j)', (header) => {
    expect(rejection(() => verifyStripeEvent(payload, header, WEBHOOK_SECRET, { now }))).toBe('missing_header');
  });

  it('rejects a signature made with another secret', () => {
    const header = sign(payload, { secret: 'whsec_attacker' });
    expect(rejection(() => verifyStripeEvent(payload, header, WEBHOOK_SECRET, { now }))).toBe('bad_signature');
  });

  it('rejects a body altered after signing', () => {
    const header = sign(payload);
    const tampered = payload.replace('"amount_total":3938', '"amount_total":1');
    expect(tampered).not.toBe(payload);
    expect(rejection(() => verifyStripeEvent(tampered, header, WEBHOOK_SECRET, { now }))).toBe('bad_signature');
    // Re-serialised JSON (a framework that parsed and re-stringified the body) is a different body too.
    const reserialised = JSON.stringify(JSON.parse(payload), null, 2);
    expect(rejection(() => verifyStripeEvent(reserialised, header, WEBHOOK_SECRET, { now }))).toBe('bad_signature');
  });

  it('rejects the forged unsigned "paid" event of the replaced system (S1)', () => {
    const forged = JSON.stringify({
      type: 'checkout.session.completed',
      data: { object: { payment_status: 'paid', metadata: { order_id: 'AST-1' } } },
    });
    expect(rejection(() => verifyStripeEvent(forged, undefined, WEBHOOK_SECRET, { now }))).toBe('missing_header');
    expect(rejection(() => verifyStripeEvent(forged, 't=1,v1=' + '0'.repeat(64), WEBHOOK_SECRET, { now }))).toBe('bad_signature');
  });

  it('rejects an old timestamp (a replay) and one from the future, at exactly the tolerance edge', () => {
    const at = (offset: number) => () => verifyStripeEvent(payload, sign(payload, { timestamp: nowSec + offset }), WEBHOOK_SECRET, { now });
    expect(at(-300)().id).toBeDefined();
    expect(at(300)().id).toBeDefined();
    expect(rejection(at(-301))).toBe('timestamp_out_of_tolerance');
    expect(rejection(at(301))).toBe('timestamp_out_of_tolerance');
    expect(rejection(at(-86_400))).toBe('timestamp_out_of_tolerance');
  });

  it('honours a custom tolerance and refuses to disable the check', () => {
    const header = sign(payload, { timestamp: nowSec - 100 });
    expect(rejection(() => verifyStripeEvent(payload, header, WEBHOOK_SECRET, { now, toleranceSec: 60 }))).toBe(
      'timestamp_out_of_tolerance',
    );
    expect(() => verifyStripeEvent(payload, header, WEBHOOK_SECRET, { now, toleranceSec: 0 })).toThrow(RangeError);
  });

  it.each([
    ['no timestamp', `v1=${'a'.repeat(64)}`],
    ['a non-numeric timestamp', `t=abc,v1=${'a'.repeat(64)}`],
    ['two timestamps', `t=${nowSec},t=${nowSec - 1000},v1=${'a'.repeat(64)}`],
    ['no v1 signature', `t=${nowSec},v0=${'a'.repeat(64)}`],
    ['a v1 that is not a SHA-256 hex', `t=${nowSec},v1=zz`],
    ['garbage', 'hello'],
  ])('rejects a header with %s', (_label, header) => {
    expect(rejection(() => verifyStripeEvent(payload, header, WEBHOOK_SECRET, { now }))).toBe('malformed_header');
  });

  it('rejects a signed body that is not a Stripe event', () => {
    for (const body of ['not json', '{"hello":"world"}', JSON.stringify({ ...stripeEvent('x', {}), object: 'v2.core.event' })]) {
      expect(rejection(() => verifyStripeEvent(body, sign(body), WEBHOOK_SECRET, { now }))).toBe('unparsable_payload');
    }
  });

  it('rejects everything when no secret is configured, and a body that was already parsed', () => {
    expect(rejection(() => verifyStripeEvent(payload, sign(payload), '', { now }))).toBe('missing_secret');
    const parsed = JSON.parse(payload) as unknown as string;
    expect(rejection(() => verifyStripeEvent(parsed, sign(payload), WEBHOOK_SECRET, { now }))).toBe('unparsable_payload');
    expect(rejection(() => verifyStripeEvent('', sign(''), WEBHOOK_SECRET, { now }))).toBe('unparsable_payload');
  });

  it('agrees with the SDK\'s constructEvent on past timestamps, secrets and bodies', () => {
    const cases: Array<{ body: string; header: string | undefined; secret: string }> = [
      { body: payload, header: sign(payload), secret: WEBHOOK_SECRET },
      { body: payload, header: sign(payload, { timestamp: nowSec - 299 }), secret: WEBHOOK_SECRET },
      { body: payload, header: sign(payload, { timestamp: nowSec - 301 }), secret: WEBHOOK_SECRET },
      { body: payload, header: sign(payload), secret: 'whsec_other' },
      { body: payload + ' ', header: sign(payload), secret: WEBHOOK_SECRET },
      { body: payload, header: `t=${nowSec}`, secret: WEBHOOK_SECRET },
    ];
    for (const c of cases) {
      const ours = accepted(() => verifyStripeEvent(c.body, c.header, c.secret, { now }));
      const sdk = accepted(() => Stripe.webhooks.constructEvent(c.body, c.header ?? '', c.secret, 300, undefined, NOW));
      expect({ header: c.header, ours }).toEqual({ header: c.header, ours: sdk });
    }
  });
});

function accepted(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}
