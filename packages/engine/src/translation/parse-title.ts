// Parses a keyword-stuffed CJ title into the product it names and what distinguishes it.
//
// "Natural Amethyst Crystal Cluster Raw Quartz Geode Healing Stone Home Decor" is not a sentence:
// it is one product (a cluster) plus attributes (amethyst, natural, raw), synonyms added for search
// (quartz, geode, crystal, stone) and filler (healing, home decor). The parser splits it into the
// phrases it knows (scan-title.ts), sorts each into a role, then picks the head: the most specific
// product noun, the first one on a tie (choose-head.ts). Everything that tells two products apart
// is kept in the parts, so the composer can say it and the caller can tell colliding titles apart.
import { chooseHead, headFromNoun, isWeak, uniqueBy } from './choose-head.js';
import { defaultLexicon, type Lexicon } from './glossary/lexicon.js';
import { noun, type Adjective, type Noun } from './glossary/inflect.js';
import type { AdjectiveGroup, Audience, Domain, QualifierEntry, Rank } from './glossary/types.js';
import { extractMeasures, type Count, type Measure } from './measures.js';
import { scan, type Hit, type Item } from './scan-title.js';
import { tokenize } from './tokenize.js';

export interface HeadPart {
  /** Canonical English key of the glossary entry ("pendant necklace"), or the stone/scent key. */
  key: string;
  noun: Noun;
  rank: Rank;
  domain?: Domain;
  /** Where the head came from: a product noun, or a stone/scent/name when the title had none. */
  from: 'product' | 'stone' | 'scent' | 'name' | 'none';
  motifConnector: 'de' | 'com';
  stoneConnector: 'de' | 'com';
}

export interface TitleParts {
  /** The English title as given. */
  source: string;
  head: HeadPart;
  /** The Portuguese head is plural (a counted set, or "Scented Candles"). */
  plural: boolean;
  count?: Count;
  /** Parts counted inside the product: "with 78 cards" → { n: 78, noun: Carta }. */
  components: { n: number; noun: Noun }[];
  stones: { key: string; noun: Noun; colour?: Adjective }[];
  scents: { key: string; noun: Noun }[];
  materials: { key: string; pt: string }[];
  platings: { key: string; adj: Adjective }[];
  /** Colours of the product itself (a colour written just before a stone belongs to the stone). */
  colours: { key: string; adj: Adjective }[];
  adjectives: { key: string; adj: Adjective; group: AdjectiveGroup; before?: boolean }[];
  qualifiers: { key: string; pt: string; group: QualifierEntry['group'] }[];
  natural: boolean;
  motifs: { key: string; pt: string; slot?: 'afterHead'; connector?: string; proper?: boolean }[];
  /** Things the product comes with: "with Mallet and Cushion", "with Wooden Stand". */
  accessories: { key: string; noun: Noun; material?: string; plural?: boolean }[];
  measures: Measure[];
  audience?: Audience;
  /** Words kept as written: owner-declared names and words the glossary does not know. */
  names: string[];
  /** The subset of names the glossary did not know (a signal to improve the glossary). */
  unknown: string[];
  /** What was removed, and why. */
  dropped: { text: string; why: 'filler' | 'claim' | 'stopword' | 'variant' }[];
  /** Product nouns that lost to the head (keyword stuffing such as "Choker" after "Necklace"). */
  otherProducts: string[];
}

/** Parses an English CJ title. Pure and synchronous; the lexicon defaults to the built-in one. */
export function parseTitle(title: string, lexicon: Lexicon = defaultLexicon()): TitleParts {
  // CJ titles are under 300 characters; a longer one is cut so parsing stays cheap whatever comes in.
  const extracted = extractMeasures(title.slice(0, 1000), { title: true });
  const tokens = tokenize(extracted.rest);
  const items = scan(tokens, lexicon);

  const parts: TitleParts = {
    source: title,
    head: headFromNoun('none', noun('Artigo', 'm'), 'none'),
    plural: false,
    components: [],
    stones: [],
    scents: [],
    materials: [],
    platings: [],
    colours: [],
    adjectives: [],
    qualifiers: [],
    natural: false,
    motifs: [],
    accessories: [],
    measures: extracted.measures,
    names: [],
    unknown: [],
    dropped: [],
    otherProducts: [],
  };

  const products: Hit[] = [];
  const accessoryMaterials = new Map<number, string[]>();
  const audiences = new Set<Audience>();
  let sawSet = extracted.counts.some((c) => c.kind === 'set');

  for (let idx = 0; idx < items.length; idx++) {
    const item = items[idx];
    if (!item) continue;
    if ('unknown' in item) {
      parts.names.push(item.unknown);
      parts.unknown.push(item.unknown);
      continue;
    }
    const e = item.entry;
    if (item.withGroup > 0 && e.kind !== 'product') {
      // Describes an accessory ("with Wooden Stand"), not the product.
      if (e.kind === 'material') accessoryMaterials.set(item.withGroup, [...(accessoryMaterials.get(item.withGroup) ?? []), e.pt]);
      continue;
    }
    switch (e.kind) {
      case 'product':
        products.push(item);
        break;
      case 'stone':
        parts.stones.push({ key: e.key, noun: e.noun });
        break;
      case 'scent':
        parts.scents.push({ key: e.key, noun: e.noun });
        break;
      case 'material':
        parts.materials.push({ key: e.key, pt: e.pt });
        break;
      case 'plating':
        parts.platings.push({ key: e.key, adj: e.adj });
        break;
      case 'colour': {
        // "Green Aventurine": a colour right before a stone is the stone's colour.
        const next = nextMeaningful(items, idx);
        if (next && 'entry' in next && next.entry.kind === 'stone') {
          next.boundColour = e.adj;
        } else {
          parts.colours.push({ key: e.key, adj: e.adj });
        }
        break;
      }
      case 'adjective':
        parts.adjectives.push({ key: e.key, adj: e.adj, group: e.group, ...(e.before ? { before: true } : {}) });
        break;
      case 'qualifier':
        parts.qualifiers.push({ key: e.key, pt: e.pt, group: e.group });
        break;
      case 'natural':
        parts.natural = true;
        break;
      case 'motif':
        parts.motifs.push({ key: e.key, pt: e.pt, ...(e.slot ? { slot: e.slot } : {}), ...(e.connector ? { connector: e.connector } : {}), ...(e.proper ? { proper: true } : {}) });
        break;
      case 'audience':
        audiences.add(e.who);
        break;
      case 'drop':
        if (/^sets?$/i.test(item.text)) sawSet = true;
        parts.dropped.push({ text: item.text, why: e.why });
        break;
      case 'with':
        break;
      case 'name':
        parts.names.push(e.pt);
        break;
    }
  }
  // Colours bound to stones were attached to the hit; copy them onto the stone parts, in order.
  const stoneHits = items.filter((x): x is Hit => 'entry' in x && x.entry.kind === 'stone');
  parts.stones.forEach((s, i) => {
    const bound = stoneHits[i]?.boundColour;
    if (bound) s.colour = bound;
  });

  chooseHead(parts, products, sawSet, lexicon, accessoryMaterials);
  settleStones(parts);
  settleCounts(parts, extracted.counts, extracted.unitCounts, lexicon);
  settleDetails(parts, lexicon);
  parts.audience = settleAudience(audiences);

  parts.stones = uniqueBy(parts.stones, (s) => s.key);
  parts.scents = uniqueBy(parts.scents, (s) => s.key);
  parts.materials = uniqueBy(parts.materials, (m) => m.pt);
  parts.platings = uniqueBy(parts.platings, (p) => p.key);
  parts.colours = uniqueBy(parts.colours, (c) => c.adj.ms);
  parts.adjectives = uniqueBy(parts.adjectives, (a) => a.adj.ms);
  parts.qualifiers = uniqueBy(parts.qualifiers, (q) => q.pt);
  parts.motifs = uniqueBy(parts.motifs, (m) => m.pt);
  parts.accessories = uniqueBy(parts.accessories, (a) => a.noun.sg).filter((a) => a.noun.sg !== parts.head.noun.sg);
  parts.names = uniqueBy(parts.names, (n) => n.toLowerCase());
  parts.otherProducts = uniqueBy(parts.otherProducts, (p) => p.toLowerCase());
  parts.measures = uniqueBy(parts.measures, (m) => m.text);
  // A "Tibetan Singing Bowl" is already Tibetan and a salt lamp already salt: what the head noun
  // says is not said twice.
  const headText = ` ${parts.head.noun.sg} ${parts.head.noun.pl} `.toLowerCase();
  const said = (t: string) => headText.includes(` ${t.toLowerCase()} `);
  parts.adjectives = parts.adjectives.filter((a) => !said(a.adj.ms) && !said(a.adj.fs) && !said(a.adj.fp) && !said(a.adj.mp));
  parts.colours = parts.colours.filter((c) => !said(c.adj.ms) && !said(c.adj.fs));
  parts.materials = parts.materials.filter((m) => !said(m.pt));
  return parts;
}

function nextMeaningful(items: readonly Item[], idx: number): Hit | undefined {
  for (let j = idx + 1; j < items.length; j++) {
    const it = items[j];
    if (!it || 'unknown' in it) return undefined;
    if (it.entry.kind === 'drop' && it.entry.why === 'stopword') continue;
    return it;
  }
  return undefined;
}

/** Drops weak and generic stones next to named ones; a title with no product noun is named by its stone. */
function settleStones(parts: TitleParts): void {
  const named = parts.stones.filter((s) => !s.key.startsWith('generic:'));
  const strong = named.filter((s) => !isWeak(s.key));
  if (strong.length > 0) parts.stones = parts.stones.filter((s) => !s.key.startsWith('generic:') && !isWeak(s.key));
  else if (named.length > 0) parts.stones = parts.stones.filter((s) => !s.key.startsWith('generic:'));
  if (parts.natural) {
    parts.stones = parts.stones.map((s) => (s.key === 'generic:stone' ? { ...s, noun: noun('Pedra', 'f') } : s));
  }

  const head = parts.head;
  const genericCrystalHead = head.from === 'product' && head.domain === 'crystals' && head.rank <= 1;
  const first = parts.stones[0];
  if ((head.from === 'none' || (genericCrystalHead && !parts.plural)) && first && !first.key.startsWith('generic:')) {
    // "Natural Amethyst Raw" → "Ametista Natural em Bruto"; "Amethyst Crystal" → "Ametista".
    parts.head = { ...headFromNoun(first.key, first.noun, 'stone') };
    if (first.colour) parts.colours.unshift({ key: first.key, adj: first.colour });
    parts.stones = parts.stones.slice(1);
  } else if (head.from === 'none' && parts.scents[0]) {
    const s = parts.scents[0];
    parts.head = headFromNoun(s.key, s.noun, 'scent');
    parts.scents = parts.scents.slice(1);
  } else if (head.from === 'none' && first?.key === 'generic:crystal') {
    parts.head = headFromNoun('crystal', first.noun, 'stone');
    parts.stones = parts.stones.slice(1);
  } else if (head.from === 'none' && parts.names.length > 0) {
    // Nothing known names the product: the unknown words are its name, as written.
    parts.head = headFromNoun('name', noun(parts.names.join(' '), 'm', parts.names.join(' ')), 'name');
    parts.names = [];
  }
}


/** Counts of the head become "Conjunto de N"/"Pack de N"; counts of parts become "com N Cartas". */
function settleCounts(
  parts: TitleParts,
  counts: readonly Count[],
  unitCounts: readonly { n: number; unit: string }[],
  lexicon: Lexicon,
): void {
  const headEntry = lexicon.entries.get(parts.head.key);
  const product = headEntry?.kind === 'product' && parts.head.from === 'product' ? headEntry : undefined;
  const headUnits = product?.units ?? [];
  let count = counts.find((c) => c.n > 1);
  // "78Pcs Tarot Cards Deck": the pieces of a deck are its cards, not 78 decks.
  if (count && product?.counted && count.n >= 20 && !unitCounts.some((u) => u.n === count?.n)) {
    parts.components.push({ n: count.n, noun: product.counted });
    count = undefined;
  }
  for (const uc of unitCounts) {
    if (uc.n <= 1) continue;
    const unitEntry = lexicon.entries.get(uc.unit);
    const unitIsHead = headUnits.includes(uc.unit) || (unitEntry?.kind === 'product' && unitEntry.noun.sg === parts.head.noun.sg) || uc.unit === parts.head.key;
    if (unitIsHead) {
      count ??= { n: uc.n, kind: 'pack' };
      continue;
    }
    // "12 Boxes" of incense sticks: boxes of the product.
    if (uc.unit === 'box' && parts.head.from === 'product') {
      count ??= { n: uc.n, kind: 'boxes' };
      continue;
    }
    if (unitEntry?.kind === 'product') parts.components.push({ n: uc.n, noun: unitEntry.counted ?? unitEntry.noun });
    else if (unitEntry?.kind === 'stone') parts.components.push({ n: uc.n, noun: unitEntry.noun });
  }
  // A set of several different pieces already says "Conjunto de Colar e Brincos".
  if (count && parts.head.key.includes('+')) count = undefined;
  // "3Pcs Tuning Fork Set" is a "Conjunto de 3 Diapasões"; "1Pc Tuning Fork Set" one "Diapasão".
  if (product?.setOf && (count || counts.some((c) => c.n === 1))) parts.head = { ...parts.head, noun: product.setOf };
  if (count) {
    parts.count = count;
    parts.plural = true;
  }
}

/** Whole-word containment: "Lua" is in "Fases da Lua", "Chakras" in "7 Chakras". */
function saysWord(text: string, words: string): boolean {
  return ` ${text.toLowerCase()} `.includes(` ${words.toLowerCase()} `);
}

/** Deities shown by a statue: a "Ganesha Buddha Statue" shows Ganesha (CJ calls any such statue a Buddha). */
const DEITIES = new Set(['ganesha', 'guanyin']);

/** What the head implies, and what it makes redundant or meaningless, once the head is known. */
function settleDetails(parts: TitleParts, lexicon: Lexicon): void {
  const entry = lexicon.entries.get(parts.head.key);
  const product = entry?.kind === 'product' && parts.head.from === 'product' ? entry : undefined;
  // "Chakra Stone Set" shows the chakras.
  for (const key of product?.implies ?? []) {
    const m = lexicon.entries.get(key);
    if (m?.kind === 'motif') parts.motifs.unshift({ key, pt: m.pt, ...(m.slot ? { slot: m.slot } : {}), ...(m.connector ? { connector: m.connector } : {}), ...(m.proper ? { proper: true } : {}) });
  }
  // "Crescent Meditation Cushion": the crescent is its shape, not a picture on it.
  if (product?.motifsAsShape) {
    for (const m of [...parts.motifs]) {
      const me = lexicon.entries.get(m.key);
      if (me?.kind !== 'motif' || !me.shape) continue;
      parts.adjectives.push({ key: m.key, adj: me.shape, group: 'shape' });
      parts.motifs = parts.motifs.filter((x) => x !== m);
    }
  }
  // "Moon … Moon Phase" and "Chakra … 7 Chakra": the more specific motif says both.
  parts.motifs = parts.motifs.filter((m) => !parts.motifs.some((o) => o !== m && o.pt !== m.pt && saysWord(o.pt, m.pt)));
  if (parts.motifs.some((m) => DEITIES.has(m.key))) parts.motifs = parts.motifs.filter((m) => m.key !== 'buddha');
  // "Skull … Witch Skull Figurine": "em Forma de Caveira" says again what the figure already is.
  parts.qualifiers = parts.qualifiers.filter((q) => {
    const shape = /^em Forma de (.+)$/.exec(q.pt)?.[1];
    return !shape || !(parts.motifs.some((m) => saysWord(m.pt, shape)) || saysWord(parts.head.noun.sg, shape));
  });
  // "Natural Natural Shape Salt Lamp": "de Forma Natural" already says it.
  if (parts.qualifiers.some((q) => saysWord(q.pt, 'Natural'))) parts.natural = false;
  // "Quartz … Crystal Singing Bowl": a crystal bowl is quartz; the head already says it.
  if (saysWord(parts.head.noun.sg, 'Cristal')) parts.stones = parts.stones.filter((s) => s.key !== 'quartz');
  // A wax is what candles and wax melts are made of; "Soy Wax" tagged onto a holder or a diffuser is noise.
  if (product && !product.waxy) {
    parts.materials = parts.materials.filter((m) => {
      const me = lexicon.entries.get(m.key);
      return !(me?.kind === 'material' && me.wax);
    });
  }
  // Amber is a stone in jewellery and a scent in incense and candles.
  if (product && (product.domain === 'incense' || product.domain === 'candles')) {
    for (const s of [...parts.stones]) {
      const se = lexicon.entries.get(s.key);
      if (se?.kind !== 'stone' || !se.scent) continue;
      parts.scents.push({ key: s.key, noun: se.scent });
      parts.stones = parts.stones.filter((x) => x !== s);
    }
  }
}

function settleAudience(who: ReadonlySet<Audience>): Audience | undefined {
  if (who.has('unisex') || (who.has('women') && who.has('men'))) return 'unisex';
  if (who.has('couple')) return 'couple';
  if (who.has('kids')) return 'kids';
  if (who.has('women')) return 'women';
  if (who.has('men')) return 'men';
  return undefined;
}
