// Response schemas of the catalogue routes (they also document the API in /docs).
import { z } from 'zod';

export const priceSchema = z.object({ minor: z.number().int(), currency: z.string(), formatted: z.string() });

export const publicProductSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  images: z.array(z.string()).describe('The store\'s own image address, /img/<product>/<key>/640.webp; any width of 160, 320, 480, 640, 960, 1280 and format avif, webp or jpg may replace the last segment. The supplier\'s image host is never shown.'),
  price: priceSchema,
  delivery: z.object({ minDays: z.number(), maxDays: z.number() }),
  seo: z.object({ title: z.string(), description: z.string() }),
  variants: z.array(
    z.object({
      id: z.string(),
      options: z.array(z.object({ name: z.string(), value: z.string() })),
      price: priceSchema,
      available: z.boolean(),
      lowStock: z.boolean(),
      image: z.string().nullable().describe('The variant\'s own image, as in images (null when it has none).'),
    }),
  ),
});

export const adminProductSchema = publicProductSchema.extend({
  status: z.enum(['active', 'hidden', 'retired']),
  hiddenReason: z.string().nullable(),
  cjPid: z.string(),
  titleEn: z.string(),
  titleEdited: z.boolean(),
  descriptionEdited: z.boolean(),
  computedPrice: priceSchema,
  priceOverride: priceSchema.nullable(),
  costUsd: z.string(),
  shippingUsd: z.string(),
  logisticName: z.string(),
  landed: priceSchema,
  margin: priceSchema,
  marginPct: z.string(),
  fxDate: z.string(),
  score: z.number(),
  listedNum: z.number(),
  notFoundCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastSyncedAt: z.string().nullable(),
  variantsAdmin: z.array(
    z.object({
      id: z.string(),
      cjVid: z.string(),
      sku: z.string(),
      costUsd: z.string(),
      stock: z.number(),
      stockDetail: z.array(z.object({ countryCode: z.string(), quantity: z.number() })),
    }),
  ),
});

const gateCounts = z.record(z.string(), z.number());
export const scanRunSchema = z.object({
  id: z.string(),
  trigger: z.string(),
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  counts: z.object({
    search: gateCounts,
    analyse: gateCounts,
    details: gateCounts,
    translate: gateCounts,
    price: gateCounts,
    enrich: gateCounts,
    store: gateCounts,
    rejected: gateCounts,
    /** CJ calls and points by the gate that spent them (search, details, freight); absent on runs older than it. */
    cj: z.record(z.string(), z.object({ calls: z.number(), points: z.number() })).optional(),
  }),
  cjCalls: z.number(),
  cjPoints: z.number(),
  errors: z.array(z.object({ at: z.string(), message: z.string() })),
  note: z.string().nullable(),
});

export const pageQuerySchema = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(24),
};
