// The lexicon: every glossary line indexed by its normalised English phrase, plus the owner's
// overrides from the store config. Built once per glossary and shared; parsing never mutates it.
import { createHash } from 'node:crypto';
import { candles } from './candles.js';
import { colours } from './colours.js';
import { crystalForms, crystalStones } from './crystals.js';
import { decor } from './decor.js';
import { descriptors } from './descriptors.js';
import { divination } from './divination.js';
import { everyday } from './everyday.js';
import { claims, filler, steering, stopwords } from './filler.js';
import { incense } from './incense.js';
import { adj, noun, type Gender } from './inflect.js';
import { household } from './household.js';
import { jewellery } from './jewellery.js';
import { materials } from './materials.js';
import { meditation } from './meditation.js';
import { motifs } from './motifs.js';
import type { Entry, GlossaryLine, KeyedEntry } from './types.js';

/** The owner's addition or correction for one English word or phrase. */
export type GlossaryOverride =
  | string
  | {
      pt: string;
      kind?: 'product' | 'stone' | 'scent' | 'material' | 'colour' | 'motif' | 'style' | 'name' | 'drop';
      gender?: Gender;
      plural?: string;
    };

export interface Lexicon {
  readonly entries: ReadonlyMap<string, KeyedEntry>;
  /** Longest phrase in words, to bound the longest-match scan. */
  readonly maxWords: number;
  /** Changes whenever the meaning of any phrase changes: part of the translation cache key. */
  readonly fingerprint: string;
}

export class GlossaryError extends Error {
  override readonly name = 'GlossaryError';
}

/** Lower-case, accents folded, apostrophes removed, hyphens and spaces collapsed: "Tiger's-Eye" → "tigers eye". */
export function normalisePhrase(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every built-in glossary, in the order duplicates are reported. */
export const builtInGlossary: readonly GlossaryLine[] = [
  ...crystalStones,
  ...crystalForms,
  ...divination,
  ...incense,
  ...meditation,
  ...jewellery,
  ...candles,
  ...decor,
  ...everyday,
  ...household,
  ...colours,
  ...materials,
  ...descriptors,
  ...motifs,
  ...claims,
  ...filler,
  ...stopwords,
  ...steering,
];

function index(lines: readonly GlossaryLine[]): Map<string, KeyedEntry> {
  const map = new Map<string, KeyedEntry>();
  for (const [phrases, entry] of lines) {
    const list = typeof phrases === 'string' ? [phrases] : phrases;
    const key = normalisePhrase(list[0] ?? '');
    for (const phrase of list) {
      const norm = normalisePhrase(phrase);
      // A phrase with two meanings would make the output depend on table order — the bug of the
      // regex rules this replaces — so the built-in glossary refuses to load with one.
      const existing = map.get(norm);
      if (existing) throw new GlossaryError(`glossary phrase "${norm}" is defined twice (as ${existing.key} and ${key})`);
      map.set(norm, { ...entry, key } as KeyedEntry);
    }
  }
  return map;
}

/** Turns one owner override into an entry, keeping the kind of a known phrase when none is given. */
function overrideEntry(phrase: string, value: GlossaryOverride, known: KeyedEntry | undefined): Entry {
  const spec = typeof value === 'string' ? { pt: value } : value;
  const pt = spec.pt.trim();
  if (!pt && spec.kind !== 'drop') throw new GlossaryError(`glossary override "${phrase}" has an empty Portuguese text`);
  if (known?.kind === 'drop' && known.why === 'claim' && spec.kind !== 'drop') {
    throw new GlossaryError(`glossary override "${phrase}" would turn a health or magic claim into title text; claims are always removed`);
  }
  const kind = spec.kind ?? (known ? kindOf(known) : 'name');
  const g: Gender = spec.gender ?? genderOf(known) ?? 'm';
  switch (kind) {
    case 'product':
      return {
        kind: 'product',
        noun: noun(pt, g, spec.plural),
        rank: known?.kind === 'product' ? known.rank : 3,
        domain: known?.kind === 'product' ? known.domain : 'everyday',
      };
    case 'stone':
      return { kind: 'stone', noun: noun(pt, g, spec.plural) };
    case 'scent':
      return { kind: 'scent', noun: noun(pt, g, spec.plural) };
    case 'material':
      return { kind: 'material', pt };
    case 'colour':
      return { kind: 'colour', adj: adj(pt) };
    case 'motif':
      return { kind: 'motif', pt };
    case 'style':
      return { kind: 'adjective', adj: adj(pt), group: 'style' };
    case 'drop':
      return { kind: 'drop', why: 'filler' };
    case 'name':
      return { kind: 'name', pt };
  }
}

function kindOf(e: KeyedEntry): NonNullable<Exclude<GlossaryOverride, string>['kind']> {
  switch (e.kind) {
    case 'product':
    case 'stone':
    case 'scent':
    case 'material':
    case 'colour':
    case 'motif':
      return e.kind;
    case 'adjective':
      return 'style';
    default:
      return 'name';
  }
}

function genderOf(e: KeyedEntry | undefined): Gender | undefined {
  if (!e) return undefined;
  if (e.kind === 'product' || e.kind === 'stone' || e.kind === 'scent') return e.noun.g;
  return undefined;
}

function fingerprintOf(overrides: Readonly<Record<string, GlossaryOverride>>): string {
  const stable = Object.keys(overrides)
    .sort()
    .map((k) => [k, overrides[k]]);
  return createHash('sha256').update(JSON.stringify(stable)).digest('hex').slice(0, 12);
}

/** Builds a lexicon from the built-in glossary and the owner's overrides (which win). */
export function buildLexicon(overrides: Readonly<Record<string, GlossaryOverride>> = {}): Lexicon {
  const entries = index(builtInGlossary);
  for (const [phrase, value] of Object.entries(overrides)) {
    const norm = normalisePhrase(phrase);
    if (!norm) throw new GlossaryError(`glossary override key "${phrase}" has no words`);
    const entry = overrideEntry(phrase, value, entries.get(norm));
    entries.set(norm, { ...entry, key: norm } as KeyedEntry);
  }
  let maxWords = 1;
  for (const phrase of entries.keys()) maxWords = Math.max(maxWords, phrase.split(' ').length);
  return { entries, maxWords, fingerprint: fingerprintOf(overrides) };
}

let shared: Lexicon | undefined;

/** The built-in lexicon, built on first use. */
export function defaultLexicon(): Lexicon {
  shared ??= buildLexicon();
  return shared;
}
