// Whole-word text matching for the analyse gate (relevance, blocked words) and the fingerprint.
// The old engine matched substrings, so "om" matched "women" and "home", and "ring" matched
// "earring". Here text and keywords are both cut into words and a keyword matches only as a run of
// whole words: "om" never matches "women", "ring" never matches "earring", and "tree of life"
// matches "Tree-of-Life Pendant" but not "life tree".

/** Lower case, accents folded ("Élégant Çakra" → "elegant cakra"). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a text: folded, split on anything that is not a letter or a digit. */
export function words(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/**
 * Does `word` (from the text) match `key` (from a keyword)? Equal, or one is a regular English plural
 * of the other ("ring" ↔ "rings", "box" ↔ "boxes", "fairy" ↔ "fairies"), so a keyword does not have to
 * be listed twice. Never a prefix or a substring: "earring" is not "ring", "women" is not "om".
 */
export function sameWord(word: string, key: string): boolean {
  return word === key || isPluralOf(word, key) || isPluralOf(key, word);
}

function isPluralOf(plural: string, singular: string): boolean {
  if (plural === `${singular}s` || plural === `${singular}es`) return true;
  return singular.endsWith('y') && singular.length > 2 && plural === `${singular.slice(0, -1)}ies`;
}

/** True when the phrase's words appear consecutively in `textWords`. */
export function containsPhrase(textWords: readonly string[], phraseWords: readonly string[]): boolean {
  if (phraseWords.length === 0 || phraseWords.length > textWords.length) return false;
  for (let start = 0; start + phraseWords.length <= textWords.length; start++) {
    if (phraseWords.every((key, i) => sameWord(textWords[start + i] ?? '', key))) return true;
  }
  return false;
}

/** The first phrase (as written in the list) found in the text, or null. */
export function findPhrase(text: string | readonly string[], phrases: readonly string[]): string | null {
  const textWords = typeof text === 'string' ? words(text) : text;
  for (const phrase of phrases) {
    if (containsPhrase(textWords, words(phrase))) return phrase;
  }
  return null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Visible text of a CJ description: tags dropped (with their script/style content), entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isInteger(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : ' ';
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
