// The store config's `disputes` section: when a stalled order gets a dispute at CJ, per country.
import { z } from 'zod';

const days = z.number().int().min(1).max(365);

const ruleDays = z
  .object({
    /** Not shipped this many days after it was paid at CJ. */
    notShippedDays: days.default(7),
    /** Shipped, but no tracking news for this many days. */
    trackingSilentDays: days.default(15),
    /** Shipped this many days ago and still not delivered. */
    notDeliveredDays: days.default(45),
  })
  .strict();

const ruleOverrides = z
  .object({ notShippedDays: days.optional(), trackingSilentDays: days.optional(), notDeliveredDays: days.optional() })
  .strict();

export const disputeSettingsSchema = z
  .object({
    enabled: z.boolean().default(true),
    rules: ruleDays.prefault({}),
    /** Per destination country, e.g. { BR: { notDeliveredDays: 70 } }. */
    countryOverrides: z.record(z.string().regex(/^[A-Z]{2}$/, 'an ISO-2 country code'), ruleOverrides).default({}),
    /** What to ask CJ for: 1 refund, 2 reissue. */
    expectType: z.union([z.literal(1), z.literal(2)]).default(1),
    /** Refund to: 1 CJ balance, 2 the original platform. */
    refundType: z.union([z.literal(1), z.literal(2)]).default(1),
  })
  .strict();

export type DisputeSettings = z.output<typeof disputeSettingsSchema>;

export function rulesFor(settings: DisputeSettings, country: string): z.output<typeof ruleDays> {
  return { ...settings.rules, ...settings.countryOverrides[country] };
}
