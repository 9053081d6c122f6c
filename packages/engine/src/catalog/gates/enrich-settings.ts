// The store config's `enrich` section: category map, limits for images, tags and SEO text.
import { z } from 'zod';
import { categoryMapSchema } from './enrich-category.js';
import { DEFAULT_MAX_IMAGES } from './enrich-images.js';
import { META_DESCRIPTION_MAX, SEO_TITLE_MAX } from './enrich-seo.js';
import { DEFAULT_SLUG_MAX } from './enrich-slug.js';
import { DEFAULT_MAX_TAGS } from './enrich-tags.js';

export const enrichSettingsSchema = z
  .object({
    categoryMap: categoryMapSchema.prefault({}),
    maxImages: z.number().int().min(1).max(50).default(DEFAULT_MAX_IMAGES),
    maxTags: z.number().int().min(1).max(30).default(DEFAULT_MAX_TAGS),
    slugMaxLength: z.number().int().min(20).max(200).default(DEFAULT_SLUG_MAX),
    seo: z
      .object({
        /** Search engines show about 60 characters of a title. */
        titleMax: z.number().int().min(20).max(70).default(SEO_TITLE_MAX),
        /** … and about 155 of a description. */
        metaMax: z.number().int().min(50).max(160).default(META_DESCRIPTION_MAX),
        /** Append " | <store name>" to the SEO title when it fits. */
        appendStoreName: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type EnrichSettingsInput = z.input<typeof enrichSettingsSchema>;
export type EnrichSettings = z.output<typeof enrichSettingsSchema>;
