// What a remote provider is sent. The supplier's text is cleaned first, so DeepL or a model is
// never asked to render "Healing", "Lucky" or "Wholesale" (a faithful translation of a claim is
// still a claim), and the cleaned description carries no images, scripts or styles.
import { hasClaim } from './claims.js';
import { normalisePhrase, type Lexicon } from './glossary/lexicon.js';
import { htmlToLines } from './html.js';

/** A title with claim and filler phrases cut out; everything else stays as the supplier wrote it. */
export function cleanTitleSource(title: string, lexicon: Lexicon): string {
  const words = [...title.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)].map((m) => ({
    norm: normalisePhrase(m[0].replace(/['’]s$/i, '')),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const cut: Array<readonly [number, number]> = [];
  let i = 0;
  // Longest match against the whole glossary, so "Evil Eye" stays whole while "Evil" alone goes.
  while (i < words.length) {
    let len = Math.min(lexicon.maxWords, words.length - i);
    let matched = 0;
    for (; len >= 1; len--) {
      const entry = lexicon.entries.get(
        words
          .slice(i, i + len)
          .map((w) => w.norm)
          .join(' '),
      );
      if (!entry) continue;
      matched = len;
      const first = words[i];
      const last = words[i + len - 1];
      if (entry.kind === 'drop' && entry.why !== 'stopword' && first && last) cut.push([first.start, last.end]);
      break;
    }
    i += Math.max(1, matched);
  }
  let out = '';
  let at = 0;
  for (const [s, e] of cut) {
    out += `${title.slice(at, s)} `;
    at = e;
  }
  out += title.slice(at);
  return out
    .replace(/\b20[1-3]\d\b/g, ' ')
    .replace(/\s+([,;/|-])(?=\s|$)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Description lines worth sending: supplier HTML reduced to text, lines with claims left out. */
export function cleanDescriptionSource(html: string): string[] {
  return htmlToLines(html).filter((line) => !hasClaim(line));
}
