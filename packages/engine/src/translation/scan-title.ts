// Splits a tokenised title into glossary phrases and gives each its role.
//
// The split is chosen to leave as few words unknown as possible, then to use as few phrases as
// possible, so "Crystal Tree Of Life" is "crystal" + "tree of life" rather than the leftmost-longest
// "crystal tree" + "of" + "life". A "with" starts a list of accessories ("with Wooden Stand and Bag").
import type { Lexicon } from './glossary/lexicon.js';
import type { Adjective } from './glossary/inflect.js';
import type { KeyedEntry } from './glossary/types.js';
import { COUNT_MARK } from './measures.js';
import { singular, type Token } from './tokenize.js';

export interface Hit {
  entry: KeyedEntry;
  text: string;
  /** The English word looked plural ("candles"). */
  plural: boolean;
  /** 0 for the product itself; n for the n-th "with …" list (accessories and their materials). */
  withGroup: number;
  /** For a stone: the colour written just before it ("Green Aventurine"). */
  boundColour?: Adjective;
}

export type Item = Hit | { unknown: string };

/** The glossary entry for a run of words, trying the singular of the last word too ("wands"). */
function lookup(words: readonly Token[], lexicon: Lexicon): { entry: KeyedEntry; plural: boolean } | undefined {
  const norms = words.map((w) => w.norm);
  const last = norms[norms.length - 1] ?? '';
  const one = singular(last);
  // Plural glossary phrases ("candles") and singular ones reached through an -s ("wands") alike.
  const entry = lexicon.entries.get(norms.join(' ')) ?? (one ? lexicon.entries.get([...norms.slice(0, -1), one].join(' ')) : undefined);
  return entry ? { entry, plural: one !== undefined } : undefined;
}

/**
 * Splits the words into glossary phrases, leaving as few words unknown as possible and then using
 * as few phrases as possible. Leftmost-longest matching would read "Crystal Tree Of Life" as
 * "crystal tree" + "of" + "life"; this reads it as "crystal" + "tree of life".
 */
function segment(words: readonly Token[], lexicon: Lexicon): Array<{ len: number; entry?: KeyedEntry; plural: boolean }> {
  const n = words.length;
  const cost: Array<readonly [number, number]> = new Array(n + 1);
  const choice: Array<{ len: number; entry?: KeyedEntry; plural: boolean }> = new Array(n);
  cost[n] = [0, 0];
  for (let i = n - 1; i >= 0; i--) {
    const next = cost[i + 1] ?? [0, 0];
    let best: readonly [number, number] = [next[0] + 1, next[1] + 1];
    let pick: { len: number; entry?: KeyedEntry; plural: boolean } = { len: 1, plural: false };
    for (let len = Math.min(lexicon.maxWords, n - i); len >= 1; len--) {
      const found = lookup(words.slice(i, i + len), lexicon);
      const rest = cost[i + len];
      if (!found || !rest) continue;
      const c = [rest[0], rest[1] + 1] as const;
      if (c[0] < best[0] || (c[0] === best[0] && c[1] < best[1])) {
        best = c;
        pick = { len, entry: found.entry, plural: found.plural };
      }
    }
    cost[i] = best;
    choice[i] = pick;
  }
  const out: Array<{ len: number; entry?: KeyedEntry; plural: boolean }> = [];
  for (let i = 0; i < n; ) {
    const c = choice[i] ?? { len: 1, plural: false };
    out.push(c);
    i += c.len;
  }
  return out;
}

/** The title's phrases in order, each with its role; unknown words are returned as they are. */
export function scan(words: readonly Token[], lexicon: Lexicon): Item[] {
  const out: Item[] = [];
  let i = 0;
  let withGroup = 0;
  let groups = 0;
  let sawAccessory = false;
  for (const piece of segment(words, lexicon)) {
    const slice = words.slice(i, i + piece.len);
    i += piece.len;
    if (!piece.entry) {
      // Where a counted noun was taken out ("With 20 Cones"): it ends a "with" list, says nothing.
      if (slice[0]?.norm === COUNT_MARK) {
        withGroup = 0;
        continue;
      }
      out.push({ unknown: slice[0]?.raw ?? '' });
      continue;
    }
    const found: Hit = { entry: piece.entry, text: slice.map((w) => w.raw).join(' '), plural: piece.plural, withGroup: 0 };
    const e = found.entry;
    if (e.kind === 'with') {
      groups += 1;
      withGroup = groups;
      sawAccessory = false;
    } else if (withGroup > 0) {
      // "with Wooden Stand and Bag": materials and colours before an accessory describe it; the
      // list ends at the first word after an accessory that is neither a product nor "and".
      const modifier = e.kind === 'material' || e.kind === 'colour' || e.kind === 'adjective';
      const stop = e.kind === 'drop' && e.why === 'stopword';
      if (e.kind === 'product') sawAccessory = true;
      else if (!stop && (sawAccessory || !modifier)) withGroup = 0;
    }
    found.withGroup = withGroup;
    out.push(found);
  }
  return out;
}

