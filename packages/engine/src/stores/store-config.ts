// The complete store config: the base sections plus the sections owned by each area.
import { z } from 'zod';
import { qualityRulesSchema } from '../catalog/gates/analyse-rules.js';
import { enrichSettingsSchema } from '../catalog/gates/enrich-settings.js';
import { pricingRulesSchema } from '../pricing/rules.js';
import { translationSettingsSchema } from '../translation/settings.js';
import { baseStoreConfigShape } from './config-schema.js';

export const storeConfigSchema = z
  .object({
    ...baseStoreConfigShape,
    quality: qualityRulesSchema.prefault({}),
    /** Required: the FX rate must carry the date it was taken (pricing.fx.date). */
    pricing: pricingRulesSchema,
    translation: translationSettingsSchema.prefault({}),
    enrich: enrichSettingsSchema.prefault({}),
  })
  .strict();

export type StoreConfigInput = z.input<typeof storeConfigSchema>;
export type StoreConfig = z.output<typeof storeConfigSchema>;

/** Store ids name files, database schemas and env vars, so they are kept simple. */
export const STORE_ID_PATTERN = /^[a-z][a-z0-9-]{0,30}$/;
