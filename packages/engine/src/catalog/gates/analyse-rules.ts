// A store's quality rules for the analyse gate (gate 3). Defaults follow the old engine where its
// numbers were sensible ($20 max cost, $8 max shipping); the rest are new. Unknown keys are errors.
import { z } from 'zod';
import { Dec, decimalStringSchema } from '../../money/index.js';

/**
 * Things an esoteric shop must not list, matched as whole words or phrases on the name, description
 * and material. Chosen to avoid false hits on the niche's own vocabulary: no "sword" (tarot suits),
 * no "gun" ("gun black" plating), no "fetish" (Zuni carvings), no bare
 * "adult" ("adults and kids"), no bare "ivory" (a colour), no "marvel" ("a marvel of").
 */
export const DEFAULT_BLOCKED_WORDS: readonly string[] = [
  // weapons
  'knife', 'knives', 'dagger', 'switchblade', 'machete', 'katana', 'karambit', 'pistol', 'revolver',
  'rifle', 'firearm', 'ammunition', 'crossbow', 'slingshot', 'brass knuckles', 'knuckle duster',
  'taser', 'stun gun', 'pepper spray', 'self defense', 'throwing star', 'nunchaku',
  // adult
  'sex toy', 'adult toy', 'vibrator', 'dildo', 'erotic', 'bdsm', 'lingerie', 'aphrodisiac',
  // counterfeits and other people's brands
  'replica', 'counterfeit', 'knockoff', 'gucci', 'louis vuitton', 'chanel', 'dior', 'rolex',
  'pandora', 'swarovski', 'disney', 'avengers', 'harry potter', 'hogwarts', 'pokemon', 'hello kitty',
  // regulated or hazardous
  'vape', 'e cigarette', 'nicotine', 'cbd', 'cannabis', 'marijuana', 'elephant ivory', 'taxidermy',
  'fireworks', 'firecracker', 'butane', 'laser pointer',
];

const usd = (fallback: string) => decimalStringSchema({ min: '0', maxDecimals: 2 }).default(fallback);
const phrase = z.string().trim().min(2, 'at least 2 characters');

export const qualityRulesSchema = z
  .object({
    /** Cheapest acceptable CJ cost, USD: below it the item is usually junk or a sample. */
    minCostUsd: usd('0.50'),
    maxCostUsd: usd('20'),
    /** Freight to the main country for one unit, USD (the chosen option's price). */
    maxShippingUsd: usd('8'),
    /** Longest acceptable delivery time (the option's upper bound), days. */
    maxDeliveryDays: z.number().int().min(1).max(120).default(20),
    /** Units in CJ's warehouses for a variant (all warehouses summed) for it to be sellable. */
    minWarehouseStock: z.number().int().min(0).default(10),
    requireImage: z.boolean().default(true),
    /** Accept plain-http images (only sensible against the CJ simulator, which serves them locally). */
    allowHttpImages: z.boolean().default(false),
    blockedWords: z.array(phrase).default(() => [...DEFAULT_BLOCKED_WORDS]),
    /**
     * Whole-word keywords; a product must name at least one. Empty = filled from the store's niche
     * keywords by `withNicheKeywords`; if still empty, relevance is not checked.
     */
    relevanceKeywords: z.array(phrase).default([]),
    /** CJ category ids or names (case-insensitive); omitted = every category. */
    allowedCategories: z.array(z.string().trim().min(1)).min(1).optional(),
  })
  .strict()
  .superRefine((rules, ctx) => {
    if (new Dec(rules.minCostUsd).gt(rules.maxCostUsd)) {
      ctx.addIssue({ code: 'custom', path: ['minCostUsd'], message: 'minCostUsd must not exceed maxCostUsd' });
    }
  });

export type QualityRules = z.output<typeof qualityRulesSchema>;
export type QualityRulesInput = z.input<typeof qualityRulesSchema>;

/** The store's niche keywords become the relevance keywords unless the rules list their own. */
export function withNicheKeywords(rules: QualityRules, nicheKeywords: readonly string[]): QualityRules {
  return rules.relevanceKeywords.length > 0 ? rules : { ...rules, relevanceKeywords: [...nicheKeywords] };
}
