// Which variants of a product can be sold: on sale at CJ, priced inside the store's cost range, and
// with enough warehouse stock. Unsellable variants are dropped; a product with none is rejected, with
// the code of the rule that removed the last ones (so the stored reason says what to change).
import { Dec, isDecimalString } from '../../money/index.js';
import type { CandidateVariant } from '../candidate.js';
import { analyseRejection, type AnalyseRejection } from './analyse-rejection.js';
import type { QualityRules } from './analyse-rules.js';

/** Units across every warehouse that lists the variant. */
export function variantStock(variant: CandidateVariant): number {
  return variant.stock.reduce((total, entry) => total + Math.max(0, entry.quantity), 0);
}

export type SellableVariants = { ok: true; variants: CandidateVariant[] } | { ok: false; rejection: AnalyseRejection };

export function sellableVariants(variants: readonly CandidateVariant[], rules: QualityRules): SellableVariants {
  const all = variants.length;
  if (all === 0) return fail(analyseRejection('no_variants', 'CJ lists no variants for this product'));

  const onSale = variants.filter((v) => v.onSale);
  if (onSale.length === 0) return fail(analyseRejection('no_variant_on_sale', `none of the ${all} variants is on sale at CJ`));

  const priced = onSale.filter((v) => isDecimalString(v.priceUsd) && new Dec(v.priceUsd).gt('0'));
  if (priced.length === 0) {
    const sample = onSale[0]?.priceUsd ?? '';
    return fail(analyseRejection('invalid_cost', `no on-sale variant has a usable price (e.g. ${JSON.stringify(sample)})`));
  }

  const aboveMin = priced.filter((v) => new Dec(v.priceUsd).gte(rules.minCostUsd));
  if (aboveMin.length === 0) {
    const top = maxPrice(priced);
    return fail(
      analyseRejection('cost_below_min', `every on-sale variant costs below ${rules.minCostUsd} USD (highest ${top} USD)`),
    );
  }
  const inRange = aboveMin.filter((v) => new Dec(v.priceUsd).lte(rules.maxCostUsd));
  if (inRange.length === 0) {
    const low = minPrice(aboveMin);
    return fail(
      analyseRejection('cost_above_max', `every on-sale variant costs above ${rules.maxCostUsd} USD (lowest ${low} USD)`),
    );
  }

  const stocked = inRange.filter((v) => variantStock(v) >= rules.minWarehouseStock);
  if (stocked.length === 0) {
    const best = Math.max(...inRange.map(variantStock));
    return fail(
      analyseRejection(
        'stock_below_min',
        `no variant in the cost range has ${rules.minWarehouseStock} units in stock (best ${best}, across ${inRange.length} variant(s))`,
      ),
    );
  }
  return { ok: true, variants: stocked };
}

function fail(rejection: AnalyseRejection): SellableVariants {
  return { ok: false, rejection };
}

function minPrice(variants: readonly CandidateVariant[]): string {
  return variants.map((v) => v.priceUsd).reduce((a, b) => (new Dec(b).lt(a) ? b : a));
}

function maxPrice(variants: readonly CandidateVariant[]): string {
  return variants.map((v) => v.priceUsd).reduce((a, b) => (new Dec(b).gt(a) ? b : a));
}
