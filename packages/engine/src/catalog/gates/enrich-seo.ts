// SEO title (at most 60 characters) and meta description (at most 155): cut at a word, never in
// the middle of one, and never ending on a dangling "de", "com" or comma. Claims in the
// description are left out of the meta description as well.
import { hasClaim } from '../../translation/claims.js';

export const SEO_TITLE_MAX = 60;
export const META_DESCRIPTION_MAX = 155;

/** Words that cannot end a cut phrase ("Colar de" / "Vela com"). */
const DANGLING = new Set(['de', 'da', 'do', 'das', 'dos', 'em', 'com', 'e', 'ou', 'para', 'a', 'à', 'ao', 'o', 'as', 'os', 'sem', 'por', 'na', 'no', 'nas', 'nos', 'um', 'uma', '|', '-', '–', '—', '×', 'x']);

function tidyEnd(text: string): string {
  let words = text.trim().split(/\s+/);
  for (;;) {
    const last = words[words.length - 1];
    if (last === undefined) return '';
    const bare = last.replace(/[,;:.!?–—\-(/|]+$/, '');
    if (bare !== last) {
      words[words.length - 1] = bare;
      if (!bare) words = words.slice(0, -1);
      continue;
    }
    if (DANGLING.has(bare.toLowerCase())) {
      words = words.slice(0, -1);
      continue;
    }
    return words.join(' ');
  }
}

/** The longest run of whole words within `max` characters, tidied at the end. */
export function truncateWords(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max + 1);
  const at = head.lastIndexOf(' ');
  const cutText = at > 0 ? head.slice(0, at) : clean.slice(0, max);
  return tidyEnd(cutText);
}

/** "<title> | <store>" when that fits, else the title alone, cut at a word to fit. */
export function seoTitle(title: string, storeName: string | undefined, max = SEO_TITLE_MAX, appendStoreName = true): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  const branded = storeName ? `${clean} | ${storeName.trim()}` : clean;
  if (appendStoreName && storeName && branded.length <= max) return branded;
  return truncateWords(clean, max);
}

/**
 * The meta description from the plain-text description: sentences and spec lines run together,
 * claim sentences dropped, cut at a word with an ellipsis. Falls back to the title.
 */
export function metaDescription(description: string, fallback: string, max = META_DESCRIPTION_MAX): string {
  const sentences = description
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !hasClaim(s))
    .map((s) => (/[.!?…]$/.test(s) ? s : `${s}.`));
  const text = sentences.join(' ') || fallback.trim();
  if (text.length <= max) return text;
  // Whole sentences read better than a cut one: stop at the last full stop if it keeps most of the room.
  let whole = '';
  for (const s of sentences) {
    const next = whole ? `${whole} ${s}` : s;
    if (next.length > max) break;
    whole = next;
  }
  if (whole.length >= max * 0.6) return whole;
  const cutText = truncateWords(text, max - 1);
  return `${cutText}…`;
}
