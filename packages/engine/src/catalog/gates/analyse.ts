// Gate 3 — analyse. Two entry points:
// - cheapChecks(summary): only what listV2 already told us (name, price span, image, category,
//   total stock). It runs before the details gate and decides whether CJ points are spent on
//   product/query + freight for this candidate.
// - analyse(detail, freight): the full rules on the product record, its variants and the freight
//   quotes to the store's main country. It picks the freight option and the sellable variants that
//   the price gate will use.
// Every rejection carries a stable code and a reason with the numbers that decided it.
import type { CandidateDetail, CandidateSummary, CandidateVariant, FreightQuote } from '../candidate.js';
import {
  checkBlockedWords,
  checkCategory,
  checkCostSpan,
  checkImage,
  checkRelevance,
  checkTotalStock,
} from './analyse-checks.js';
import { chooseFreight } from './analyse-freight.js';
import type { AnalyseRejection } from './analyse-rejection.js';
import type { QualityRules } from './analyse-rules.js';
import { sellableVariants } from './analyse-variants.js';
import { htmlToText, words } from './analyse-words.js';

export type AnalyseResult =
  | { ok: true; chosenFreight: FreightQuote; sellableVariants: CandidateVariant[] }
  | { ok: false; rejection: AnalyseRejection };

/** The listV2-only checks; null = worth fetching the details. */
export function cheapChecks(summary: CandidateSummary, rules: QualityRules): AnalyseRejection | null {
  const nameWords = words(summary.nameEn);
  return (
    checkBlockedWords(nameWords, rules, 'name') ??
    checkRelevance(nameWords, rules, 'name') ??
    checkCategory(summary, rules, false) ??
    checkImage([summary.image], rules) ??
    checkCostSpan(summary.priceMinUsd, summary.priceMaxUsd, rules) ??
    checkTotalStock(summary.warehouseInventory, rules)
  );
}

/**
 * The full analysis. `freight` holds the quotes for one unit to `mainCountry`; null means the lookup
 * failed, which — like an empty list — rejects with `freight_unknown`.
 */
export function analyse(
  detail: CandidateDetail,
  freight: readonly FreightQuote[] | null,
  rules: QualityRules,
  mainCountry: string,
): AnalyseResult {
  const before = analyseBeforeFreight(detail, rules);
  if (!before.ok) return before;
  const choice = chooseFreight(freight, rules, mainCountry);
  if (!choice.ok) return rejected(choice.rejection);

  return { ok: true, chosenFreight: choice.quote, sellableVariants: before.variants };
}

/**
 * Every rule the product record decides alone (text, category, images, variants, stock): run
 * before the freight quote is bought, so a product these reject costs one CJ call, not two.
 */
export function analyseBeforeFreight(
  detail: CandidateDetail,
  rules: QualityRules,
): { ok: true; variants: CandidateVariant[] } | { ok: false; rejection: AnalyseRejection } {
  if (!detail.onSale) return rejected({ gate: 'analyse', code: 'not_on_sale', reason: 'CJ lists the product as not on sale' });

  const nameWords = words(detail.nameEn);
  const fullWords = words([detail.nameEn, detail.materialEn ?? '', htmlToText(detail.descriptionHtml)].join(' '));
  const textRejection =
    checkBlockedWords(nameWords, rules, 'name') ??
    checkBlockedWords(fullWords, rules, 'description or material') ??
    // Relevance may be found in the description: the name alone already passed the cheap checks.
    checkRelevance(fullWords, rules, 'name and description') ??
    checkCategory(detail, rules, true) ??
    checkImage([...detail.images, detail.image], rules);
  if (textRejection) return rejected(textRejection);

  const variants = sellableVariants(detail.variants, rules);
  if (!variants.ok) return rejected(variants.rejection);
  return { ok: true, variants: variants.variants };
}

function rejected(rejection: AnalyseRejection): { ok: false; rejection: AnalyseRejection } {
  return { ok: false, rejection };
}
