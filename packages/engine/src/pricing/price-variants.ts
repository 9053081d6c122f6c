// Each variant has its own CJ cost, so each gets its own price; the shipping quote is the product's
// (freight differs little between variants and is quoted once per product by the analyse gate).
import type { CandidateVariant, DecimalString } from '../catalog/candidate.js';
import type { IsoDate } from './iso-date.js';
import { priceProduct } from './price-product.js';
import type { PriceResult } from './price-result.js';
import type { PricingRules } from './rules.js';

export interface VariantPrice {
  vid: string;
  result: PriceResult;
}

/** Prices every variant, in input order; a variant that fails is reported, not dropped. */
export function priceVariants(
  input: { variants: readonly Pick<CandidateVariant, 'vid' | 'priceUsd'>[]; shippingUsd: DecimalString },
  rules: PricingRules,
  today: IsoDate,
): VariantPrice[] {
  return input.variants.map((variant) => ({
    vid: variant.vid,
    result: priceProduct({ costUsd: variant.priceUsd, shippingUsd: input.shippingUsd }, rules, today),
  }));
}
