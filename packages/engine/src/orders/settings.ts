// The store config's `checkout` section: where the store ships, how shipping is chosen, how long an
// unpaid order waits, and the shape of order numbers.
import { z } from 'zod';
import { durationSchema } from '../stores/config-schema.js';

export const checkoutSettingsSchema = z
  .object({
    /** Destination countries (ISO-2). Empty = the store's mainCountry only. */
    shipsTo: z.array(z.string().regex(/^[A-Z]{2}$/, 'an ISO-2 country code such as "PT"')).default([]),
    /** The cheapest shipping option whose delivery time is within this many days is chosen. */
    maxDeliveryDays: z.number().int().min(1).max(120).default(25),
    maxLines: z.number().int().min(1).max(100).default(20),
    maxQuantityPerLine: z.number().int().min(1).max(100).default(10),
    /** Unpaid orders are cancelled after this. */
    paymentTimeout: durationSchema('24h'),
    /** Prefix of order numbers (sent to CJ as orderNumber); default: the store id, upper-cased. */
    orderPrefix: z
      .string()
      .regex(/^[A-Z0-9]{2,8}$/, '2–8 capital letters or digits')
      .optional(),
  })
  .strict();

export type CheckoutSettings = z.output<typeof checkoutSettingsSchema>;

export const cjWebhookSettingsSchema = z
  .object({
    /**
     * Reject CJ webhooks without a valid `sign` header. CJ's newest docs sign every message (HMAC of
     * the body with the account's openId); turn off only for an account that does not sign.
     */
    requireSignature: z.boolean().default(true),
  })
  .strict();
