// Short constructors so each domain glossary reads as a table, one line per meaning.
import { adj, invariable, noun, pluralNoun, type Adjective, type Gender, type Noun } from './inflect.js';
import type {
  AdjectiveGroup,
  Domain,
  Entry,
  GlossaryLine,
  MotifEntry,
  ProductEntry,
  QualifierEntry,
  Rank,
} from './types.js';

type ProductExtra = Omit<ProductEntry, 'kind' | 'noun' | 'rank' | 'domain'>;

/** A product noun: `product(['tower', 'crystal tower'], 2, 'crystals', noun('Torre', 'f'))`. */
export function product(
  phrases: string | readonly string[],
  rank: Rank,
  domain: Domain,
  n: Noun,
  extra: ProductExtra = {},
): GlossaryLine {
  return [phrases, { kind: 'product', noun: n, rank, domain, ...extra }];
}

export function stone(
  phrases: string | readonly string[],
  sg: string,
  g: Gender,
  extra: { weak?: boolean; pl?: string; scent?: Noun } = {},
): GlossaryLine {
  const entry: Entry = { kind: 'stone', noun: noun(sg, g, extra.pl) };
  if (extra.weak) entry.weak = true;
  if (extra.scent) entry.scent = extra.scent;
  return [phrases, entry];
}

export function scent(phrases: string | readonly string[], sg: string, g: Gender): GlossaryLine {
  return [phrases, { kind: 'scent', noun: noun(sg, g) }];
}

export function material(phrases: string | readonly string[], pt: string, extra: { wax?: boolean } = {}): GlossaryLine {
  return [phrases, { kind: 'material', pt, ...extra }];
}

export function colour(phrases: string | readonly string[], a: Adjective): GlossaryLine {
  return [phrases, { kind: 'colour', adj: a }];
}

export function adjective(
  phrases: string | readonly string[],
  group: AdjectiveGroup,
  a: Adjective | string,
  extra: { before?: boolean } = {},
): GlossaryLine {
  const form = typeof a === 'string' ? adj(a) : a;
  return [phrases, { kind: 'adjective', adj: form, group, ...extra }];
}

export function qualifier(phrases: string | readonly string[], group: QualifierEntry['group'], pt: string): GlossaryLine {
  return [phrases, { kind: 'qualifier', pt, group }];
}

export function motif(phrases: string | readonly string[], pt: string, extra: Omit<MotifEntry, 'kind' | 'pt'> = {}): GlossaryLine {
  return [phrases, { kind: 'motif', pt, ...extra }];
}

export function drop(phrases: string | readonly string[], why: 'filler' | 'claim' | 'stopword' | 'variant' = 'filler'): GlossaryLine {
  return [phrases, { kind: 'drop', why }];
}

export { adj, invariable, noun, pluralNoun };
