// The pure parts: when each rule is due (per country), which of CJ's reasons is chosen, what we ask
// for, the text sent, and how CJ's statuses map onto ours.
import { describe, expect, it } from 'vitest';
import { ourStatus } from '../../src/disputes/cj-disputes.js';
import { businessDisputeId, chooseExpectType, chooseReason, disputeMessage, dueAt, minRuleDays, ruleApplies, type RuleFacts } from '../../src/disputes/rules.js';
import { disputeSettingsSchema } from '../../src/disputes/settings.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const iso = (ms: number) => new Date(ms).toISOString();
const settings = disputeSettingsSchema.parse({ countryOverrides: { ES: { notShippedDays: 10 }, BR: { notDeliveredDays: 70, trackingSilentDays: 20 } } });
const facts = (f: Partial<RuleFacts>): RuleFacts => ({ status: 'paid', country: 'PT', cjPaidAt: null, shippedAt: null, lastTrackingAt: null, ...f });

describe('rule deadlines', () => {
  it('not shipped: 7 days after payment at CJ, 10 in Spain, only while paid', () => {
    const paid = facts({ cjPaidAt: iso(T0) });
    expect(dueAt(settings, 'not_shipped', paid)).toBe(T0 + 7 * DAY);
    expect(ruleApplies(settings, 'not_shipped', paid, T0 + 7 * DAY - 1)).toBe(false);
    expect(ruleApplies(settings, 'not_shipped', paid, T0 + 7 * DAY)).toBe(true);
    expect(dueAt(settings, 'not_shipped', { ...paid, country: 'ES' })).toBe(T0 + 10 * DAY);
    expect(dueAt(settings, 'not_shipped', { ...paid, status: 'shipped' })).toBeNull();
    expect(dueAt(settings, 'not_shipped', facts({ cjPaidAt: null }))).toBeNull();
  });

  it('tracking silent: from the last tracking news, else from shipping; only while shipped', () => {
    const shipped = facts({ status: 'shipped', shippedAt: iso(T0), lastTrackingAt: iso(T0 + 4 * DAY) });
    expect(dueAt(settings, 'tracking_silent', shipped)).toBe(T0 + 19 * DAY);
    expect(dueAt(settings, 'tracking_silent', { ...shipped, lastTrackingAt: null })).toBe(T0 + 15 * DAY);
    expect(dueAt(settings, 'tracking_silent', { ...shipped, country: 'BR' })).toBe(T0 + 24 * DAY);
    expect(dueAt(settings, 'tracking_silent', { ...shipped, status: 'disputed' })).toBeNull();
  });

  it('not delivered: 45 days after shipping, for shipped and disputed orders', () => {
    const shipped = facts({ status: 'shipped', shippedAt: iso(T0), lastTrackingAt: iso(T0 + 40 * DAY) });
    expect(dueAt(settings, 'not_delivered', shipped)).toBe(T0 + 45 * DAY);
    expect(dueAt(settings, 'not_delivered', { ...shipped, status: 'disputed' })).toBe(T0 + 45 * DAY);
    expect(dueAt(settings, 'not_delivered', { ...shipped, country: 'BR' })).toBe(T0 + 70 * DAY);
    expect(dueAt(settings, 'not_delivered', { ...shipped, status: 'delivered' })).toBeNull();
    expect(dueAt(settings, 'not_delivered', { ...shipped, status: 'disputed', shippedAt: null })).toBeNull();
  });

  it('the SQL pre-filter uses the smallest day count of any country', () => {
    expect(minRuleDays(settings, 'not_shipped')).toBe(7);
    expect(minRuleDays(disputeSettingsSchema.parse({ countryOverrides: { PT: { notShippedDays: 3 } } }), 'not_shipped')).toBe(3);
    expect(minRuleDays(settings, 'not_delivered')).toBe(45);
  });

  it('settings keep their strict schema', () => {
    expect(() => disputeSettingsSchema.parse({ countryOverrides: { es: { notShippedDays: 10 } } })).toThrow();
    expect(() => disputeSettingsSchema.parse({ rules: { notShippedDays: 0 } })).toThrow();
    expect(() => disputeSettingsSchema.parse({ rules: { notShipedDays: 7 } })).toThrow();
  });
});

describe("choosing among CJ's reasons", () => {
  // What the simulator offers (cj-sim disputes/service.ts): unshipped orders get 1, shipped ones 2–7.
  const unshipped = [{ disputeReasonId: '1', reasonName: 'Unfulfilled Order Cancellation' }];
  const shipped = [
    { disputeReasonId: '2', reasonName: 'Tracking information has not been updated' },
    { disputeReasonId: '3', reasonName: 'Parcel not received / delivery overdue' },
    { disputeReasonId: '4', reasonName: 'Damaged product' },
  ];

  it('matches the rule by name', () => {
    expect(chooseReason('not_shipped', unshipped)).toEqual({ id: 1, name: 'Unfulfilled Order Cancellation', matched: true });
    expect(chooseReason('tracking_silent', shipped)).toMatchObject({ id: 2, matched: true });
    expect(chooseReason('not_delivered', shipped)).toMatchObject({ id: 3, matched: true });
    expect(chooseReason('not_delivered', [...shipped].reverse())).toMatchObject({ id: 3, matched: true });
  });

  it('falls back to the first usable reason, and to none', () => {
    expect(chooseReason('not_shipped', shipped.slice(2))).toEqual({ id: 4, name: 'Damaged product', matched: false });
    expect(chooseReason('tracking_silent', [{ disputeReasonId: 'abc', reasonName: 'Tracking stuck' }, { disputeReasonId: '9' }])).toEqual({ id: 9, name: undefined, matched: false });
    expect(chooseReason('not_shipped', [])).toBeNull();
  });

  it("asks for the store's choice only when CJ offers it", () => {
    expect(chooseExpectType(2, ['1', '2'])).toBe(2);
    expect(chooseExpectType(2, ['1'])).toBe(1);
    expect(chooseExpectType(1, ['2'])).toBe(2);
    expect(chooseExpectType(1, [])).toBe(1);
  });
});

describe('what is sent and recorded', () => {
  it('a deterministic business id and a message within 500 characters', () => {
    expect(businessDisputeId('ASTR-261101-ABCD2345', 'tracking_silent')).toBe('ASTR-261101-ABCD2345-tracking_silent');
    const text = disputeMessage('not_shipped', { number: 'ASTR-1', trackNumber: null }, facts({ cjPaidAt: iso(T0) }), 7, 1);
    expect(text).toBe('Order ASTR-1 was paid on 2026-11-01 and has not been shipped 7 days later. Please refund the order.');
    const long = disputeMessage('not_delivered', { number: 'ASTR-1', trackNumber: 'X'.repeat(600) }, facts({ status: 'shipped', shippedAt: iso(T0) }), 45, 2);
    expect(long.length).toBe(500);
    expect(long.endsWith('...')).toBe(true);
  });

  it("maps CJ's statuses onto ours", () => {
    expect(ourStatus({ status: 'pending' })).toBe('open');
    expect(ourStatus({ status: 'processing' })).toBe('open');
    expect(ourStatus({ status: 'PENDING' })).toBe('open');
    expect(ourStatus({ status: 'finished' })).toBe('closed');
    expect(ourStatus({ status: 'Closed' })).toBe('closed');
    expect(ourStatus({ status: 'cancelled' })).toBe('cancelled');
    expect(ourStatus({ status: 'CANCELED' })).toBe('cancelled');
    expect(ourStatus({ status: undefined, finallyDeal: 3 })).toBe('closed');
    expect(ourStatus({ status: 'weird-new-status' })).toBe('open');
  });
});
