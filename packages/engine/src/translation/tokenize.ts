// Splits what is left of a title (after measures and counts are taken out) into words.
import { normalisePhrase } from './glossary/lexicon.js';

export interface Token {
  /** As written, for words kept verbatim (brands, models). */
  raw: string;
  /** Lower-case, no apostrophes: what the lexicon is keyed by. */
  norm: string;
}

/** HTML entities CJ leaves in titles ("Necklace &amp; Earrings"). */
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

export function tokenize(text: string): Token[] {
  const cleaned = decodeEntities(text)
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' and ')
    // "Tiger's Eye" and "Women's" are looked up without the possessive.
    .replace(/(\p{L})['’`´]s\b/gu, '$1')
    .replace(/['’`´]/g, '');
  const out: Token[] = [];
  // A dot between digits stays ("5.3"); any other punctuation separates words.
  for (const raw of cleaned.replace(/(\d)\.(\d)/g, '$1\uE000$2').split(/[^\p{L}\p{N}\uE000]+/u).map((w) => w.replace(/\uE000/g, '.'))) {
    if (!raw) continue;
    const norm = normalisePhrase(raw);
    if (norm) out.push({ raw, norm });
  }
  return out;
}

/** English singular of the last word, for lookups ("wands" → "wand", "stories" → "story"). */
export function singular(word: string): string | undefined {
  if (word.length < 4) return undefined;
  if (/(ss|us|is|os)$/.test(word)) return undefined;
  if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(ches|shes|xes|sses)$/.test(word)) return word.replace(/es$/, '');
  if (/s$/.test(word)) return word.slice(0, -1);
  return undefined;
}
