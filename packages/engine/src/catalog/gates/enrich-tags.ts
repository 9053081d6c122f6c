// Tags from what the title parser found: the product type, its stones, motifs, materials, colours,
// scents and style. Never claims (the parser has already dropped them), never duplicates.
import type { TitleParts } from '../../translation/parse-title.js';

export const DEFAULT_MAX_TAGS = 10;

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

export function tagsFor(parts: TitleParts, max = DEFAULT_MAX_TAGS): string[] {
  const head = parts.head;
  const type = head.from === 'product' && !head.key.includes('+') ? head.noun.sg : undefined;
  const candidates = [
    type,
    ...(head.from === 'stone' || head.from === 'scent' ? [head.noun.sg] : []),
    ...parts.stones.filter((s) => !s.key.startsWith('generic:')).map((s) => s.noun.sg),
    ...parts.motifs.map((m) => m.pt),
    ...parts.materials.map((m) => m.pt),
    ...parts.colours.map((c) => c.adj.ms),
    ...parts.stones.flatMap((s) => (s.colour ? [s.colour.ms] : [])),
    ...parts.scents.map((s) => s.noun.sg),
    ...parts.adjectives.filter((a) => (a.group === 'style' || a.group === 'origin') && /^\p{Lu}/u.test(a.adj.ms)).map((a) => a.adj.ms),
    ...(parts.natural ? ['Natural'] : []),
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of candidates) {
    if (!tag) continue;
    const key = fold(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length >= max) break;
  }
  return out;
}
