// Gate 7's near-duplicate detector: the same product listed twice at CJ (two suppliers, or one
// supplier relisting) should not become two products in the store. The fingerprint is the name's
// normalised whole-word tokens (fingerprint-tokens.ts) plus a price band (fingerprint-price.ts).
//
// - `key` is an exact index: equal keys = same tokens in the same price band (store it, look it up).
// - `isNearDuplicate` is the looser comparison against existing products: Jaccard similarity of the
//   tokens ≥ threshold, prices within 30% of each other, and no attribute conflict — two names that
//   both state a colour, stone, material, scent, zodiac sign, size ("8mm") or count ("7") must state
//   the same ones, so "Amethyst Bracelet" and "Citrine Bracelet" never collide however long the rest.
import type { DecimalString } from './candidate.js';
import { isDecimalString, parseMoney } from '../money/index.js';
import { priceBand, pricesCompatible } from './fingerprint-price.js';
import { fingerprintTokens, isNumberToken } from './fingerprint-tokens.js';
import { ATTRIBUTE_CLASSES } from './fingerprint-vocabulary.js';

export interface Fingerprint {
  /** Sorted unique normalised tokens of the English name. */
  tokens: readonly string[];
  /** The USD cost in cents (half-up), for the price comparison. */
  priceCents: number;
  band: number;
  /** "tokens joined by spaces#band", e.g. "amethyst bracelet healing#9". */
  key: string;
}

export const DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.8;
export const DEFAULT_MAX_PRICE_RATIO_PCT = 30;

export function fingerprint(nameEn: string, priceUsd: DecimalString): Fingerprint {
  if (!isDecimalString(priceUsd)) throw new RangeError(`fingerprint price must be a decimal string, got ${JSON.stringify(priceUsd)}`);
  const tokens = fingerprintTokens(nameEn);
  const priceCents = parseMoney(priceUsd, 'USD', { rounding: 'half-up' }).minor;
  const band = priceBand(Math.max(0, priceCents));
  return { tokens, priceCents, band, key: `${tokens.join(' ')}#${band}` };
}

/** Jaccard similarity |A ∩ B| / |A ∪ B| of the token sets; 0 when both are empty (nothing to compare). */
export function similarity(a: Fingerprint | readonly string[], b: Fingerprint | readonly string[]): number {
  const left = new Set(tokensOf(a));
  const right = new Set(tokensOf(b));
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

function tokensOf(value: Fingerprint | readonly string[]): readonly string[] {
  return 'tokens' in value ? value.tokens : value;
}

function classTokens(tokens: readonly string[]): Map<string, string[]> {
  const classes = new Map<string, string[]>();
  const put = (cls: string, token: string) => classes.set(cls, [...(classes.get(cls) ?? []), token]);
  for (const token of tokens) {
    if (isNumberToken(token)) put(/\d$/.test(token) ? 'count' : 'size', token);
    for (const [cls, vocabulary] of Object.entries(ATTRIBUTE_CLASSES)) if (vocabulary.has(token)) put(cls, token);
  }
  return classes;
}

/** The first attribute class both names state differently ("colour", "stone", "size"…), or null. */
export function attributeConflict(a: Fingerprint, b: Fingerprint): string | null {
  const left = classTokens(a.tokens);
  const right = classTokens(b.tokens);
  for (const [cls, values] of left) {
    const other = right.get(cls);
    if (other === undefined) continue;
    if (values.length !== other.length || values.some((v) => !other.includes(v))) return cls;
  }
  return null;
}

export interface NearDuplicateOptions {
  /** Largest accepted gap between the two prices, in percent of the lower one. */
  maxPriceRatioPct?: number;
}

export function isNearDuplicate(
  a: Fingerprint,
  b: Fingerprint,
  threshold: number = DEFAULT_NEAR_DUPLICATE_THRESHOLD,
  options: NearDuplicateOptions = {},
): boolean {
  if (a.key === b.key && a.tokens.length > 0) return true;
  if (similarity(a, b) < threshold) return false;
  if (!pricesCompatible(a.priceCents, b.priceCents, options.maxPriceRatioPct ?? DEFAULT_MAX_PRICE_RATIO_PCT)) return false;
  return attributeConflict(a, b) === null;
}

/**
 * One text for the products table: "key|priceCents", e.g. "amethyst bracelet healing#9|420". Tokens
 * hold only letters, digits and ".", so "#" and "|" are safe separators; the part before "|" is
 * `key`, usable for exact lookups with a LIKE 'key|%' or by splitting.
 */
export function serializeFingerprint(fp: Fingerprint): string {
  return `${fp.key}|${fp.priceCents}`;
}

/** The inverse of serializeFingerprint; throws RangeError on text it did not produce. */
export function parseFingerprint(text: string): Fingerprint {
  const match = /^([^#|]*)#(\d+)\|(-?\d+)$/.exec(text);
  if (!match) throw new RangeError(`not a serialised fingerprint: ${JSON.stringify(text)}`);
  const [, joined = '', band = '0', cents = '0'] = match;
  const tokens = joined === '' ? [] : joined.split(' ');
  const priceCents = Number(cents);
  if (!Number.isSafeInteger(priceCents)) throw new RangeError(`fingerprint price out of range: ${JSON.stringify(text)}`);
  return { tokens, priceCents, band: Number(band), key: `${joined}#${band}` };
}
