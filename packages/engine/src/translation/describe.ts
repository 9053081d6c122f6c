// The offline description: a neutral first sentence composed from the title's parts, the
// supplier's spec lines translated label by label, and the stock notes recognised whole.
//
// Output is PLAIN TEXT, one item per line, paragraphs separated by a blank line; never HTML.
// A storefront shows it with `white-space: pre-line` or by escaping it and turning "\n" into <br>.
// Nothing from the supplier's HTML survives except text that was recognised and re-composed.
import { composeTitle } from './compose-title.js';
import type { Lexicon } from './glossary/lexicon.js';
import { htmlToLines } from './html.js';
import { parseTitle, type TitleParts } from './parse-title.js';
import { labelFor, translateNote, translateValue } from './spec-lines.js';

export interface DescribeInput {
  /** The supplier's description, HTML or text. */
  html: string;
  /** The English title, for the first sentence. */
  titleEn?: string;
}

/** "Label: value" with a short label (suppliers also write "Label：value" and "Label - value"). */
const SPEC = /^([A-Za-z][A-Za-z /&().-]{0,40}?)\s*[:：]\s*(.+)$/;

const MAX_SPEC_LINES = 20;

/** The opening sentence: what the product is, from its title, and nothing it cannot back up. */
export function openingSentences(parts: TitleParts): string[] {
  const out = [`${composeTitle(parts, { style: 'sentence' })}.`];
  const naturalStone = parts.natural && (parts.stones.length > 0 || parts.head.from === 'stone' || parts.head.domain === 'crystals');
  if (naturalStone) out.push('Cada pedra natural é única: a forma, a cor e o tamanho podem variar ligeiramente em relação às fotografias.');
  return out;
}

/** Translates a CJ description to pt-PT plain text (see the file comment for the format). */
export function composeDescription(input: DescribeInput, lexicon: Lexicon): string {
  const lines = htmlToLines(input.html);
  const specs: string[] = [];
  const notes: string[] = [];
  const seenLabels = new Map<string, string>();

  for (const line of lines) {
    const m = line.match(SPEC);
    if (m?.[1] && m[2]) {
      const label = labelFor(m[1]);
      if (label === null) {
        // "Note: please allow 1-2cm error…" is a label never shown, but a stock note worth saying.
        const note = translateNote(m[2]);
        if (note && !notes.includes(note)) notes.push(note);
        continue;
      }
      if (label !== undefined) {
        const value = translateValue(label, m[2], lexicon);
        // The same label twice (suppliers repeat "Size:" per variant) is said once, values joined.
        if (value) {
          const prev = seenLabels.get(label);
          if (prev === undefined) seenLabels.set(label, value);
          else if (!prev.split('; ').includes(value)) seenLabels.set(label, `${prev}; ${value}`);
        }
        continue;
      }
    }
    const note = translateNote(line);
    if (note && !notes.includes(note)) notes.push(note);
  }
  for (const [label, value] of seenLabels) if (specs.length < MAX_SPEC_LINES) specs.push(`${label}: ${value}`);

  const opening = input.titleEn ? openingSentences(parseTitle(input.titleEn, lexicon)) : [];
  // The natural-stone note and a supplier's "each stone is unique" say the same thing once.
  const dedupedNotes = notes.filter((n) => !(opening.length > 1 && n.startsWith('Cada peça natural')));
  return [opening.join(' '), specs.join('\n'), dedupedNotes.join('\n')].filter((p) => p.length > 0).join('\n\n');
}
