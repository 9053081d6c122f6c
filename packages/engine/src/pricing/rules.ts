// A store's pricing rules (gate 5 and the checkout's shipping line). Amounts and rates are decimal
// strings, validated here once, so the pricing functions can trust them. Unknown keys are errors, as
// in the rest of the store config: a misspelt "markup" must not silently fall back to the default.
import { z } from 'zod';
import { Dec, decimalStringSchema, isTwoDecimalCurrency } from '../money/index.js';
import { isoDateSchema } from './iso-date.js';

const amount = (options: { greaterThan?: string; min?: string } = {}) =>
  decimalStringSchema({ ...options, maxDecimals: 2 });

export const fxSchema = z
  .object({
    /** Store-currency units per 1 USD (CJ's currency), e.g. "0.92" EUR. */
    rate: decimalStringSchema({ greaterThan: '0' }).default('0.92'),
    /** The day the rate was taken. Required: an undated rate cannot be known to be stale. */
    date: isoDateSchema,
    /** Where the rate came from (e.g. "ECB reference rate"), for the operator. */
    source: z.string().min(1).max(200).optional(),
    /** A rate older than this (days before "today") adds an `fx_stale` warning to every price. */
    maxAgeDays: z.number().int().min(1).max(3650).default(30),
  })
  .strict();

export const psychologicalBandSchema = z
  .object({
    /** Upper bound of the band (a price ≤ upTo − ending belongs to it); omitted on the last band. */
    upTo: amount({ greaterThan: '0' }).optional(),
    /** Prices in the band are k × step − ending. */
    step: amount({ greaterThan: '0' }),
  })
  .strict();

/** The default steps: 0.99…9.99, then 14.99/19.99/24.99/29.99, then 39.99, 49.99, 59.99… */
export const DEFAULT_BANDS = [
  { upTo: '10', step: '1' },
  { upTo: '30', step: '5' },
  { step: '10' },
] as const;

export const roundingSchema = z
  .object({
    /** Subtracted from each multiple of the step: "0.01" gives .99 endings, "0.10" gives .90. */
    ending: amount({ min: '0' }).default('0.01'),
    bands: z
      .array(psychologicalBandSchema)
      .min(1)
      .default(() => DEFAULT_BANDS.map((band) => ({ ...band }))),
  })
  .strict()
  .superRefine((rounding, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const ending = new Dec(rounding.ending);
    if (rounding.bands.some((band) => ending.gte(band.step))) {
      issue(['ending'], `ending ${rounding.ending} must be below every step`);
    }
    let lower = new Dec('0');
    rounding.bands.forEach((band, i) => {
      const last = i === rounding.bands.length - 1;
      const step = new Dec(band.step);
      if (band.upTo === undefined) {
        if (!last) issue(['bands', i, 'upTo'], 'only the last band may omit upTo');
        return;
      }
      if (last) issue(['bands', i, 'upTo'], 'the last band must omit upTo so every price has a step');
      const upTo = new Dec(band.upTo);
      if (upTo.lte(lower)) issue(['bands', i, 'upTo'], `upTo must increase from band to band (${band.upTo})`);
      // Keeps the steps of a band inside it, so prices rise with the raw price across bands.
      if (!upTo.mod(step).eq('0')) issue(['bands', i, 'upTo'], `upTo ${band.upTo} must be a multiple of step ${band.step}`);
      lower = upTo;
    });
  });

export const pricingRulesSchema = z
  .object({
    /** The store's selling currency (2-decimal ISO 4217). */
    currency: z
      .string()
      .refine(isTwoDecimalCurrency, 'an ISO 4217 code with 2 decimals, such as "EUR"')
      .default('EUR'),
    fx: fxSchema,
    /** VAT included in the shown price: 0.23 for Portugal's standard rate. */
    vatRate: decimalStringSchema({ min: '0', lessThan: '1' }).default('0.23'),
    /** Multiplier on the landed cost, giving the net (pre-VAT) price before rounding. */
    markup: decimalStringSchema({ greaterThan: '0' }).default('2.5'),
    /** Hard floor: margin ÷ net price × 100 must be at least this, or the product is rejected. */
    minMarginPct: decimalStringSchema({ min: '0', lessThan: '100' }).default('40'),
    rounding: roundingSchema.prefault({}),
    /** Highest shown (gross) price; null = no cap. */
    retailCap: amount({ greaterThan: '0' }).nullable().default('49.99'),
    /** Multiplier on the landed shipping for a checkout shipping line ("1" = at cost, plus VAT). */
    shippingMarkup: decimalStringSchema({ min: '0' }).default('1'),
  })
  .strict();

export type PricingRules = z.output<typeof pricingRulesSchema>;
export type PricingRulesInput = z.input<typeof pricingRulesSchema>;
export type PsychologicalRounding = PricingRules['rounding'];
