// The complete store config: the base sections plus the sections owned by each area.
import { z } from 'zod';
import { qualityRulesSchema } from '../catalog/gates/analyse-rules.js';
import { enrichSettingsSchema } from '../catalog/gates/enrich-settings.js';
import { pricingRulesSchema } from '../pricing/rules.js';
import { translationSettingsSchema } from '../translation/settings.js';
import { checkoutSettingsSchema, cjWebhookSettingsSchema } from '../orders/settings.js';
import { paymentSettingsSchema } from '../payments/settings.js';
import { disputeSettingsSchema } from '../disputes/settings.js';
import { adminSettingsSchema } from '../admin/settings.js';
import { backupSettingsSchema } from '../backups/settings.js';
import { contactSettingsSchema } from '../storefront/contact-settings.js';
import { jobSettingsSchema } from '../jobs/lanes.js';
import { mcpSettingsSchema } from '../mcp/settings.js';
import { baseStoreConfigShape } from './config-schema.js';
import { cacheSettingsSchema } from '../cache/settings.js';

export const storeConfigSchema = z
  .object({
    ...baseStoreConfigShape,
    quality: qualityRulesSchema.prefault({}),
    /** Required: the FX rate must carry the date it was taken (pricing.fx.date). */
    pricing: pricingRulesSchema,
    translation: translationSettingsSchema.prefault({}),
    enrich: enrichSettingsSchema.prefault({}),
    checkout: checkoutSettingsSchema.prefault({}),
    payments: paymentSettingsSchema.prefault({}),
    cjWebhooks: cjWebhookSettingsSchema.prefault({}),
    disputes: disputeSettingsSchema.prefault({}),
    admin: adminSettingsSchema.prefault({}),
    backups: backupSettingsSchema.prefault({}),
    contact: contactSettingsSchema.prefault({}),
    jobs: jobSettingsSchema.prefault({}),
    mcp: mcpSettingsSchema.prefault({}),
    /** How long CJ answers (freight quotes, product details) are reused. */
    cache: cacheSettingsSchema.prefault({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.pricing.currency !== config.currency) {
      ctx.addIssue({ code: 'custom', path: ['pricing', 'currency'], message: `must equal the store currency (${config.currency})` });
    }
    if (config.translation.locale !== config.locale) {
      ctx.addIssue({ code: 'custom', path: ['translation', 'locale'], message: `must equal the store locale (${config.locale})` });
    }
  })
  .transform((config) => ({
    ...config,
    // Shipping to the main country is always possible.
    checkout: { ...config.checkout, shipsTo: config.checkout.shipsTo.length > 0 ? config.checkout.shipsTo : [config.mainCountry] },
  }));

export type StoreConfigInput = z.input<typeof storeConfigSchema>;
export type StoreConfig = z.output<typeof storeConfigSchema>;

/** Store ids name files, database schemas and env vars, so they are kept simple. */
export const STORE_ID_PATTERN = /^[a-z][a-z0-9-]{0,30}$/;
