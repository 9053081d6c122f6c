// v1 product/list's `productNameEn` filter. CJ documents it as a fuzzy search ("EN fuzzy",
// cj-api.md §6.2): the words of the query are looked for in the name, in any order, each one
// anywhere in it — not the whole phrase as typed. So "amethyst crystals" finds "Natural Amethyst
// Crystal Cluster", "crystal amethyst" finds it too, and "ameth" is enough.
import { isStopWord, tokens, words } from './text.js';

/** The query's words to look for: stemmed, without stop words (unless that leaves none). */
export function fuzzyTerms(query: string): string[] {
  const stemmed = tokens(query);
  const meaningful = stemmed.filter((t) => !isStopWord(t));
  return [...new Set(meaningful.length > 0 ? meaningful : stemmed)];
}

/**
 * True when every term occurs in the name: as a stemmed word of it ("crystals" → "crystal"), or as
 * part of one of its words ("ameth" in "amethyst"). An empty query matches everything, as CJ
 * ignores an empty filter.
 */
export function fuzzyNameMatch(nameEn: string, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const nameWords = words(nameEn);
  const nameTokens = new Set(tokens(nameEn));
  return terms.every((t) => nameTokens.has(t) || nameWords.some((w) => w.includes(t)));
}
