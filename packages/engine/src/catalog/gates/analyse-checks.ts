// The individual analyse rules, each returning a rejection or null. cheapChecks and analyse compose
// them; keeping them separate lets both entry points apply the same rule the same way.
import { Dec, isDecimalString } from '../../money/index.js';
import type { CandidateSummary } from '../candidate.js';
import { analyseRejection, type AnalyseRejection } from './analyse-rejection.js';
import type { QualityRules } from './analyse-rules.js';
import { findPhrase } from './analyse-words.js';

export function checkBlockedWords(textWords: readonly string[], rules: QualityRules, where: string): AnalyseRejection | null {
  const hit = findPhrase(textWords, rules.blockedWords);
  return hit === null ? null : analyseRejection('blocked_word', `${where} contains the blocked word "${hit}"`);
}

export function checkRelevance(textWords: readonly string[], rules: QualityRules, where: string): AnalyseRejection | null {
  if (rules.relevanceKeywords.length === 0) return null;
  if (findPhrase(textWords, rules.relevanceKeywords) !== null) return null;
  const shown = rules.relevanceKeywords.slice(0, 8).map((k) => `"${k}"`).join(', ');
  const more = rules.relevanceKeywords.length > 8 ? ` and ${rules.relevanceKeywords.length - 8} more` : '';
  return analyseRejection('not_relevant', `${where} names none of the ${rules.relevanceKeywords.length} niche keywords (${shown}${more}) as a whole word`);
}

// CJ's "no picture" stand-ins, as the old engine recognised them — but as whole path words, so a
// product photo named "crystal-blanket.jpg" is not mistaken for "blank".
const PLACEHOLDER = /(^|[^a-z])(placeholder|blank|no[-_ ]?image|default)([^a-z]|$)/i;

/**
 * An https URL that is not an obvious placeholder (a storefront on https cannot show http images).
 * `allowHttp` admits plain http too: the CJ simulator serves its images that way on localhost.
 */
export function isUsableImage(url: string | undefined, allowHttp = false): boolean {
  if (url === undefined || url.trim() === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const protocolOk = parsed.protocol === 'https:' || (allowHttp && parsed.protocol === 'http:');
  return protocolOk && !PLACEHOLDER.test(parsed.pathname);
}

export function checkImage(urls: readonly (string | undefined)[], rules: QualityRules): AnalyseRejection | null {
  if (!rules.requireImage || urls.some((u) => isUsableImage(u, rules.allowHttpImages))) return null;
  return analyseRejection('no_image', `no usable ${rules.allowHttpImages ? 'http(s)' : 'https'} image among ${urls.filter((u) => u !== undefined).length} image URL(s)`);
}

/**
 * Cost range of a price span (listV2 gives the lowest and highest variant price): rejected only when
 * the whole span is outside the range, since some variant may still fit; per-variant costs are
 * checked again by analyse.
 */
export function checkCostSpan(minUsd: string, maxUsd: string, rules: QualityRules): AnalyseRejection | null {
  for (const text of [minUsd, maxUsd]) {
    if (!isDecimalString(text) || new Dec(text).lt('0')) {
      return analyseRejection('invalid_cost', `CJ price ${JSON.stringify(text)} USD is not an amount`);
    }
  }
  if (new Dec(maxUsd).lt(rules.minCostUsd)) {
    return analyseRejection('cost_below_min', `cost ${maxUsd} USD is below the minimum ${rules.minCostUsd} USD`);
  }
  if (new Dec(minUsd).gt(rules.maxCostUsd)) {
    return analyseRejection('cost_above_max', `cost ${minUsd} USD is above the maximum ${rules.maxCostUsd} USD`);
  }
  return null;
}

/**
 * Allowed categories, matched on CJ's category id or name (case-insensitive). With `strict`, an
 * unknown category is rejected (analyse: the product record should carry it); without, it passes
 * (cheap checks: listV2 may omit it, and details will know).
 */
export function checkCategory(
  candidate: Pick<CandidateSummary, 'categoryId' | 'categoryName'>,
  rules: QualityRules,
  strict: boolean,
): AnalyseRejection | null {
  const allowed = rules.allowedCategories;
  if (allowed === undefined) return null;
  const known = [candidate.categoryId, candidate.categoryName].filter((v): v is string => v !== undefined && v !== '');
  if (known.length === 0) {
    return strict ? analyseRejection('category_not_allowed', 'category unknown; the store allows only listed categories') : null;
  }
  const wanted = new Set(allowed.map((c) => c.toLowerCase()));
  if (known.some((value) => wanted.has(value.toLowerCase()))) return null;
  return analyseRejection(
    'category_not_allowed',
    `category ${known.map((v) => JSON.stringify(v)).join(' / ')} is not among the ${allowed.length} allowed`,
  );
}

/** listV2's total inventory, when given, bounds every variant's stock from above: a cheap early no. */
export function checkTotalStock(total: number | undefined, rules: QualityRules): AnalyseRejection | null {
  if (total === undefined || total >= rules.minWarehouseStock) return null;
  return analyseRejection('stock_below_min', `${total} units in CJ warehouses, below the minimum ${rules.minWarehouseStock}`);
}
