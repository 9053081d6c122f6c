// How long CJ answers are reused. The system lojista replaces specified freight 1 h and products
// 1 h; the sync and CJ's webhooks drop an entry as soon as what it depends on changes.
import { z } from 'zod';
import { durationSchema } from '../stores/config-schema.js';

export const cacheSettingsSchema = z
  .object({
    /** Freight quotes per route, variant and quantity (checkout, shipping quote, admin proxy); "0s" turns it off. */
    freightTtl: durationSchema('1h'),
    /** CJ product details shown by the admin's CJ proxy (GET /api/cj/product/:pid); "0s" turns it off. */
    productTtl: durationSchema('1h'),
    /** Entries kept in memory per store (embedded runtime; Redis holds the scale runtime's). */
    maxEntries: z.number().int().min(10).max(1_000_000).default(10_000),
  })
  .strict();

export type CacheSettings = z.output<typeof cacheSettingsSchema>;
