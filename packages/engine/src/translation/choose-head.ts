// Chooses the product a title names (its head) among the product nouns a CJ title stuffs in, and
// decides what each losing noun still says: a shape ("em Forma de Coração"), a motif, an accessory
// ("com Bolsa"), the stone it is made of ("de Cristal"), or nothing (a synonym the head already says).
import type { Lexicon } from './glossary/lexicon.js';
import { noun, type Noun } from './glossary/inflect.js';
import type { ProductEntry } from './glossary/types.js';
import type { HeadPart, TitleParts } from './parse-title.js';
import type { Hit } from './scan-title.js';

/** Pieces that are one product when both are named: a pendant and a necklace are a pendant necklace. */
export const MERGES: ReadonlyArray<readonly [string, string, string]> = [['pendant', 'necklace', 'pendant necklace']];

/** Generic crystal nouns: noise next to a named stone, the material ("de Cristal") without one. */
const GENERIC_CRYSTAL = new Set(['crystal', 'stone']);

type KeyedProduct = ProductEntry & { key: string };

export function headFromProduct(e: KeyedProduct): HeadPart {
  return {
    key: e.key,
    noun: e.noun,
    rank: e.rank,
    domain: e.domain,
    from: 'product',
    motifConnector: e.motifConnector ?? 'com',
    stoneConnector: e.stoneConnector ?? 'de',
  };
}

export function headFromNoun(key: string, n: Noun, from: HeadPart['from']): HeadPart {
  const head: HeadPart = { key, noun: n, rank: 1, from, motifConnector: 'com', stoneConnector: 'de' };
  if (from === 'stone') head.domain = 'crystals';
  return head;
}

export function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Picks the product noun and turns the losing product nouns into modifiers, motifs or nothing. */
export function chooseHead(
  parts: TitleParts,
  products: Hit[],
  sawSet: boolean,
  lexicon: Lexicon,
  accessoryMaterials: ReadonlyMap<number, string[]>,
): void {
  const entryOf = (h: Hit) => h.entry as KeyedProduct;
  const main = products.filter((p) => p.withGroup === 0);
  const pool = main.length > 0 ? main : products;
  let best: Hit | undefined;
  for (const p of pool) if (!best || entryOf(p).rank > entryOf(best).rank) best = p;
  if (!best) return;

  let head = entryOf(best);
  const lookup = (key: string): KeyedProduct | undefined => {
    const e = lexicon.entries.get(key);
    return e?.kind === 'product' ? e : undefined;
  };
  // "Tealight Candle Holder", "Frankincense Resin Charcoal Burner": what holds or burns the other
  // product is the product.
  const bestKey = head.key;
  const holder = main.find((p) => entryOf(p).holds?.includes(bestKey));
  if (holder) head = entryOf(holder);
  // "Crystal Ball Witch Skull Figurine": a figure named before its figurine is what it shows.
  if (head.asMotif && !head.container) {
    const container = main.find((p) => entryOf(p).container && entryOf(p).rank >= head.rank);
    if (container) head = entryOf(container);
  }
  // "Earrings … Drop Earrings", "Dangle Moon Earrings": the more specific name of the same thing wins.
  const headKey = head.key;
  const specific =
    main.find((p) => entryOf(p).refines === headKey) ?? main.find((p) => entryOf(p).rank >= head.rank && entryOf(p).noun.sg.startsWith(`${head.noun.sg} `));
  if (specific) head = entryOf(specific);
  for (const [a, b, merged] of MERGES) {
    const keys = new Set(main.map((p) => p.entry.key));
    if ((head.key === a && keys.has(b)) || (head.key === b && keys.has(a))) head = lookup(merged) ?? head;
  }
  // "Clear Quartz Skull Statue": a crystal figure in a holder noun is the figure itself.
  if (head.container && parts.stones.length > 0) {
    const figure = main.find((p) => entryOf(p).domain === 'crystals' && entryOf(p).rank === 2);
    if (figure) head = entryOf(figure);
  }
  // "Obsidian Crystal Ball": with a named stone the ball is a sphere.
  if (head.withStone && parts.stones.some((s) => !isWeak(s.key))) head = lookup(head.withStone) ?? head;

  parts.head = headFromProduct(head);
  parts.plural = Boolean(head.honourPlural && (best.entry.key === head.key ? best.plural : main.some((p) => p.entry.key === head.key && p.plural)));
  const taken = new Set([head.key, ...MERGES.filter(([, , m]) => m === head.key).flatMap(([a, b]) => [a, b])]);

  // "Necklace Earrings Set": finished pieces named together with "set" are one set of all of them.
  const pieces = uniqueBy(
    main.filter((p) => entryOf(p).rank === 3 && entryOf(p).domain === 'jewellery' && !taken.has(p.entry.key)),
    (p) => entryOf(p).noun.sg,
  );
  if (sawSet && pieces.length >= 1 && head.domain === 'jewellery' && head.rank === 3) {
    const list = [head.noun, ...pieces.map((p) => entryOf(p).noun)].slice(0, 3).map((n) => (n.pluralOnly ? n.pl : n.sg));
    const joined = `${list.slice(0, -1).join(', ')} e ${list[list.length - 1] ?? ''}`;
    parts.head = { ...parts.head, key: [head.key, ...pieces.map((p) => p.entry.key)].join('+'), noun: noun(`Conjunto de ${joined}`, 'm', `Conjuntos de ${joined}`) };
    for (const p of pieces) taken.add(p.entry.key);
  }

  for (const p of products) {
    const e = entryOf(p);
    // Synonyms and parts the head already says: "Storage Box" next to "Tarot Box", a necklace's chain.
    if (taken.has(e.key) || e.noun.sg === head.noun.sg || head.noun.sg.startsWith(`${e.noun.sg} `) || head.absorbs?.includes(e.key)) continue;
    // "Frankincense Resin" under a burner still names the scent; a tealight under its holder what it is for.
    if (e.scent) {
      parts.scents.push({ key: e.key, noun: e.scent });
      continue;
    }
    if (head.holds?.includes(e.key)) {
      parts.qualifiers.push({ key: e.key, pt: `para ${e.noun.pl}`, group: 'place' });
      continue;
    }
    if ((p.withGroup > 0 && e.rank >= 1) || e.accessory) {
      const material = accessoryMaterials.get(p.withGroup)?.[0];
      // "with Rake and Stones": a plural accessory stays plural.
      const plural = p.plural && e.honourPlural === true;
      parts.accessories.push({ key: e.key, noun: e.noun, ...(material ? { material } : {}), ...(plural ? { plural } : {}) });
      continue;
    }
    // "Chakra Stone Bracelet": the chakras the losing set implies are still shown.
    if (e.implies) {
      for (const key of e.implies) {
        const m = lexicon.entries.get(key);
        if (m?.kind === 'motif') parts.motifs.push({ key, pt: m.pt, ...(m.slot ? { slot: m.slot } : {}), ...(m.connector ? { connector: m.connector } : {}) });
      }
      continue;
    }
    if (e.asModifier && e.rank < 3) {
      parts.qualifiers.push({ key: e.key, pt: e.asModifier, group: 'shape' });
      continue;
    }
    if (e.asMotif) {
      parts.motifs.push({ key: e.key, pt: e.asMotif, ...(e.noun.proper ? { proper: true } : {}) });
      continue;
    }
    // A stone-shaped head ("Pedras Roladas", "Pedra de Palma") is already a stone; others say what they are made of.
    if (GENERIC_CRYSTAL.has(e.key) && (head.domain !== 'crystals' || (e.key === 'crystal' && !/^Pedra|^Cristal/.test(head.noun.sg)))) {
      // "Crystal Pendant" with no named stone is a crystal pendant; "Stone Bracelet" a natural stone one.
      const n = e.key === 'crystal' ? noun('Cristal', 'm', 'Cristais') : noun('Pedra Natural', 'f', 'Pedras Naturais');
      parts.stones.push({ key: `generic:${e.key}`, noun: n });
      continue;
    }
    parts.otherProducts.push(p.text);
  }
  // A gem "Tree" showing the "Tree of Life" is a "Árvore da Vida", not an "Árvore … com Árvore da Vida".
  const echo = parts.motifs.find((m) => m.pt.startsWith(`${parts.head.noun.sg} `));
  if (echo) {
    parts.head = { ...parts.head, noun: noun(echo.pt, parts.head.noun.g) };
    parts.motifs = parts.motifs.filter((m) => m !== echo);
  }
  // "Capa para iPhone 15 Pro Max" rather than "Capa para Telemóvel iPhone 15 Pro Max".
  // Only a known brand or model name ("iPhone", "Samsung Galaxy") takes the place of "Telemóvel";
  // an unknown code ("9H") is kept after the noun instead.
  const firstName = parts.names[0];
  if (head.namedAs && firstName !== undefined && !parts.unknown.includes(firstName)) {
    const name = parts.names.join(' ');
    parts.head = { ...parts.head, noun: { ...parts.head.noun, sg: `${head.namedAs.sg} ${name}`, pl: `${head.namedAs.pl} ${name}` } };
    parts.names = [];
  }
}


/** Quartz is named next to almost every stone ("Amethyst Quartz"); alone it is a stone, next to another it is noise. */
export function isWeak(key: string): boolean {
  return key === 'quartz';
}
