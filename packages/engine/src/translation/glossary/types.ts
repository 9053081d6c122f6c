// What an English word or phrase of a CJ title means to the title parser.
//
// A CJ title is a bag of keywords, not a sentence, so the parser does not translate word by word:
// it sorts each recognised phrase into a role (the product itself, its stone, material, colour, a
// motif, filler…) and the composer rebuilds a Portuguese noun phrase from the roles.
import type { Adjective, Noun } from './inflect.js';

/** The store niches; used for plural handling and to pick a default category. */
export type Domain =
  | 'crystals'
  | 'divination'
  | 'incense'
  | 'meditation'
  | 'jewellery'
  | 'candles'
  | 'decor'
  | 'everyday';

/**
 * How specific a product noun is, so keyword stuffing resolves to the real product:
 * 3 finished articles (necklace, candle, tarot deck), 2 crystal shapes and figures (cluster, tower,
 * heart, angel), 1 generic nouns (crystal, stone, beads), 0 category words (jewelry, decor).
 */
export type Rank = 0 | 1 | 2 | 3;

export interface ProductEntry {
  kind: 'product';
  noun: Noun;
  rank: Rank;
  domain: Domain;
  /** How a motif attaches: "Estátua de Buda" (de) vs "Colar com Lua" (com, the default). */
  motifConnector?: 'de' | 'com';
  /** How a stone attaches: "Colar de Ametista" (de, the default) vs "Vela com Ametista" (com). */
  stoneConnector?: 'de' | 'com';
  /** When this noun is not the head, what it adds to the head ("em Forma de Coração"); absent = dropped. */
  asModifier?: string;
  /** When this noun is not the head but is a recognisable figure, it can become a motif ("com Anjo"). */
  asMotif?: string;
  /** English count units that count the head itself ("20 sticks" of incense sticks). */
  units?: string[];
  /** A plural English head makes a plural Portuguese head ("Scented Candles" → "Velas Aromáticas"). */
  honourPlural?: boolean;
  /** Noun used when N of these are counted under another head ("with 78 cards" → "Cartas"). */
  counted?: Noun;
  /** Keys of product nouns this head already implies (a necklace has a chain): dropped, not said. */
  absorbs?: readonly string[];
  /** When a stone is named, the product is this other one ("Obsidian Crystal Ball" is a sphere). */
  withStone?: string;
  /** A holder for a figure (statue, carving): a crystal figure named with it becomes the head. */
  container?: boolean;
  /** Said with "com" even without "with": a guidebook, a stand. */
  accessory?: boolean;
  /** When the title names a model ("iPhone 15"), the head reads "Capa para iPhone 15". */
  namedAs?: { sg: string; pl: string };
  /**
   * Keys of products this one holds or burns: named together, this one is the product ("Tealight
   * Candle Holder" is a holder, "Frankincense Resin Charcoal Burner" a burner) and the other is
   * said as what it is for ("para Velas de Réchaud").
   */
  holds?: readonly string[];
  /** When this noun loses to another head, the scent it still names ("Frankincense Resin" → Olíbano). */
  scent?: Noun;
  /**
   * What a set of these counts: "Tuning Fork Set" is a "Conjunto de Diapasões", "3Pcs Tuning Fork
   * Set" a "Conjunto de 3 Diapasões" and "1Pc Tuning Fork Set" one "Diapasão".
   */
  setOf?: Noun;
  /** Motif keys the product itself implies ("Chakra Stone Set" shows the chakras). */
  implies?: readonly string[];
  /** Motifs that have a shape give it its shape ("Crescent Meditation Cushion" is crescent-shaped). */
  motifsAsShape?: boolean;
  /** Key of the product this word, said next to it, names more precisely ("Dangle … Earrings" → "Brincos Pendentes"). */
  refines?: string;
  /** Made of wax: only such a product takes a wax material ("Soy Wax" tagged onto a diffuser is noise). */
  waxy?: boolean;
}

export interface StoneEntry {
  kind: 'stone';
  noun: Noun;
  /** The same word is also a scent (amber): said as the scent of incense and candles. */
  scent?: Noun;
  /** A stone name so generic it is dropped when a specific stone is also named (quartz next to amethyst). */
  weak?: boolean;
}

export interface ScentEntry {
  kind: 'scent';
  noun: Noun;
}

export interface MaterialEntry {
  kind: 'material';
  /** Portuguese name, used after "em": "em Aço Inoxidável". */
  pt: string;
  /** A wax: only said of a product made of wax (see ProductEntry.waxy). */
  wax?: boolean;
}

/** A plating or finish that agrees with the head: "Banhado a Ouro 18K". */
export interface PlatingEntry {
  kind: 'plating';
  adj: Adjective;
}

export interface ColourEntry {
  kind: 'colour';
  adj: Adjective;
}

export type AdjectiveGroup = 'size' | 'finish' | 'shape' | 'style' | 'feature' | 'origin';

export interface AdjectiveEntry {
  kind: 'adjective';
  adj: Adjective;
  group: AdjectiveGroup;
  /** Goes before the noun ("Mini Drusa"). */
  before?: boolean;
}

/** An invariable phrase appended after the noun phrase: "em Bruto", "de Parede", "sem Fios". */
export interface QualifierEntry {
  kind: 'qualifier';
  pt: string;
  group: 'raw' | 'shape' | 'place' | 'feature';
}

export interface NaturalEntry {
  kind: 'natural';
}

export interface MotifEntry {
  kind: 'motif';
  pt: string;
  /** "dos 7 Chakras" goes right after the head; other motifs go at the end with the head's connector. */
  slot?: 'afterHead';
  connector?: string;
  proper?: boolean;
  /** The shape this motif gives a product that takes motifs as shapes ("Almofada Meia-Lua"). */
  shape?: Adjective;
}

export type Audience = 'women' | 'men' | 'kids' | 'couple' | 'unisex';

export interface AudienceEntry {
  kind: 'audience';
  who: Audience;
}

/** Removed from the title: marketing filler, unverifiable claims, function words. */
export interface DropEntry {
  kind: 'drop';
  why: 'filler' | 'claim' | 'stopword' | 'variant';
}

/** "with": the product nouns after it are accessories ("with Mallet and Cushion"). */
export interface WithEntry {
  kind: 'with';
}

/** Kept as written: proper names, brands and model names the owner declared. */
export interface NameEntry {
  kind: 'name';
  pt: string;
}

export type Entry =
  | ProductEntry
  | StoneEntry
  | ScentEntry
  | MaterialEntry
  | PlatingEntry
  | ColourEntry
  | AdjectiveEntry
  | QualifierEntry
  | NaturalEntry
  | MotifEntry
  | AudienceEntry
  | DropEntry
  | WithEntry
  | NameEntry;

/** One glossary line: the English phrases (lower-case, singular) and what they mean. */
export type GlossaryLine = readonly [phrases: string | readonly string[], entry: Entry];

/** An entry with the canonical English key that identifies it (its first phrase). */
export type KeyedEntry = Entry & { key: string };
