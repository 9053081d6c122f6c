// Turns a product name into the fingerprint's tokens. Everything works on whole tokens — the old
// engine deleted the substrings "set", "lot", "hot"… anywhere, so "lotus" became "us" and "sunset"
// "sun"; here a filler is dropped only when it IS the token.
//
//   "2024 New 7PCS Chakra Healing Crystals Set, 8 mm Beads — Free Shipping"
//   → fold → split into numbers and words → synonyms → glue units ("8 mm" → "8mm") → counts
//   ("7 pcs" → "7", "1pc" → nothing) → drop fillers, stop words, years, single letters → singular
//   ("crystals" → "crystal") → sorted unique: ["7", "8mm", "bead", "chakra", "crystal", "healing"]
import { foldText } from './gates/analyse-words.js';
import {
  ATTRIBUTE_CLASSES,
  COUNT_TOKENS,
  FILLER_PHRASES,
  FILLER_TOKENS,
  STOP_WORDS,
  SYNONYMS,
  UNIT_TOKENS,
} from './fingerprint-vocabulary.js';

const RAW_TOKEN = /\d+(?:[.,]\d+)?|\p{L}+/gu;

export function isNumberToken(token: string): boolean {
  return /^\d/.test(token);
}

/** "08" → "8", "2,50" → "2.5", "3.0" → "3". */
function normaliseNumber(text: string): string {
  const [whole = '0', fraction = ''] = text.replace(',', '.').split('.');
  const intPart = whole.replace(/^0+(?=\d)/, '');
  const fracPart = fraction.replace(/0+$/, '');
  return fracPart === '' ? intPart : `${intPart}.${fracPart}`;
}

const PROTECTED = new Set(Object.values(ATTRIBUTE_CLASSES).flatMap((set) => [...set]));

/** Regular English plural → singular; vocabulary words ("aries", "pisces", "lapis") are kept. */
export function singular(token: string): string {
  if (PROTECTED.has(token) || token.length <= 3 || isNumberToken(token)) return token;
  if (token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !/(ss|us|is)$/.test(token)) return token.slice(0, -1);
  return token;
}

function isYear(token: string): boolean {
  return /^(19|20)\d\d$/.test(token);
}

/** The name's tokens in order (before sorting), for tests and explanations. */
export function nameTokens(name: string): string[] {
  const raw = (foldText(name).match(RAW_TOKEN) ?? []).map((t) => (isNumberToken(t) ? normaliseNumber(t) : t));
  const mapped = raw.map((t) => SYNONYMS.get(t) ?? t);
  const withoutPhrases = dropPhrases(mapped);

  const out: string[] = [];
  for (let i = 0; i < withoutPhrases.length; i++) {
    const token = withoutPhrases[i] ?? '';
    const next = withoutPhrases[i + 1];
    if (isNumberToken(token)) {
      if (next !== undefined && UNIT_TOKENS.has(next)) {
        out.push(`${token}${next}`); // "8 mm" / "8mm" → "8mm"
        i++;
        continue;
      }
      // "1pc", "1 set": a single item is the default and must not make a listing look different.
      if (token === '1' && next !== undefined && COUNT_TOKENS.has(singular(next))) continue;
      if (isYear(token)) continue; // "2024 New …": the listing year is noise
      out.push(token);
      continue;
    }
    const word = singular(token);
    if (word.length < 2 || FILLER_TOKENS.has(word) || STOP_WORDS.has(word)) continue;
    out.push(word);
  }
  return out;
}

function dropPhrases(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const phrase = FILLER_PHRASES.find((p) => p.every((word, j) => tokens[i + j] === word));
    if (phrase) {
      i += phrase.length - 1;
      continue;
    }
    out.push(tokens[i] ?? '');
  }
  return out;
}

/** Sorted unique tokens: word order and repetition do not matter. */
export function fingerprintTokens(name: string): string[] {
  return [...new Set(nameTokens(name))].sort();
}
