// Portuguese number and gender inflection, just enough for product titles.
//
// The glossary stores each word once (masculine singular for adjectives, singular for nouns) and
// these helpers derive the other forms, so "Preta", "Pretos" and "Pretas" are never typed by hand
// and can never drift apart. Irregular words pass their forms explicitly.

export type Gender = 'm' | 'f';

/** A noun phrase whose gender and number the adjectives agree with. */
export interface Noun {
  sg: string;
  pl: string;
  g: Gender;
  /** Always plural (Brincos, Dados, Runas): the singular is never used. */
  pluralOnly?: boolean;
  /**
   * Words that follow the head's own adjectives, e.g. "com Pendente" in "Colar Dourado com Pendente":
   * the adjective must sit next to "Colar", not after "Pendente", or it would describe the pendant.
   */
  tail?: string;
  /** A proper noun (Buda, Ganesha): kept capitalised in sentence case. */
  proper?: boolean;
}

/** The four forms of an adjective. */
export interface Adjective {
  ms: string;
  fs: string;
  mp: string;
  fp: string;
  proper?: boolean;
}

/** Plural of one Portuguese word by the regular rules (irregulars are given explicitly). */
export function pluralWord(word: string): string {
  const w = word;
  if (/ão$/.test(w)) return w.replace(/ão$/, 'ões');
  if (/ês$/.test(w)) return w.replace(/ês$/, 'eses');
  if (/[aeiouáéíóúâêôãõ]$/i.test(w)) return `${w}s`;
  if (/[rz]$/i.test(w)) return `${w}es`;
  if (/[sx]$/i.test(w)) return w; // lápis, ónix: invariable
  if (/m$/i.test(w)) return w.replace(/m$/, 'ns');
  if (/vel$/i.test(w)) return w.replace(/vel$/, 'veis');
  if (/el$/i.test(w)) return w.replace(/el$/, 'éis');
  if (/al$/i.test(w)) return w.replace(/al$/, 'ais');
  if (/ol$/i.test(w)) return w.replace(/ol$/, 'óis');
  if (/ul$/i.test(w)) return w.replace(/ul$/, 'uis');
  if (/il$/i.test(w)) return w.replace(/il$/, 'is');
  return `${w}s`;
}

/**
 * A noun; by default only the first word is pluralised ("Pedra da Lua" → "Pedras da Lua"), which
 * is right for "X de Y" compounds. Compounds with an adjective inside pass their plural.
 */
export function noun(sg: string, g: Gender, pl?: string, extra: Partial<Noun> = {}): Noun {
  const words = sg.split(' ');
  const first = words[0] ?? sg;
  const plural = pl ?? [pluralWord(first), ...words.slice(1)].join(' ');
  return { sg, pl: plural, g, ...extra };
}

/** A noun that only exists in the plural (Brincos, Dados). */
export function pluralNoun(pl: string, g: Gender, extra: Partial<Noun> = {}): Noun {
  return { sg: pl, pl, g, pluralOnly: true, ...extra };
}

/** An adjective from its masculine singular, by the regular rules. */
export function adj(ms: string, extra: Partial<Adjective> = {}): Adjective {
  let fs = ms;
  if (/ão$/.test(ms)) fs = ms.replace(/ão$/, 'ã');
  else if (/o$/.test(ms)) fs = ms.replace(/o$/, 'a');
  else if (/ês$/.test(ms)) fs = ms.replace(/ês$/, 'esa');
  else if (/or$/.test(ms)) fs = `${ms}a`;
  else if (/eu$/.test(ms)) fs = ms.replace(/eu$/, 'eia');
  const mp = /ão$/.test(ms) ? ms.replace(/ão$/, 'ãos') : pluralWord(ms);
  const fp = fs === ms ? mp : pluralWord(fs);
  return { ms, fs, mp, fp, ...extra };
}

/** An adjective that never changes (Rosa, Laranja, Vintage, Ouro Rosa). */
export function invariable(word: string, extra: Partial<Adjective> = {}): Adjective {
  return { ms: word, fs: word, mp: word, fp: word, ...extra };
}

/** The form agreeing with a gender and number. */
export function agree(a: Adjective, g: Gender, plural: boolean): string {
  if (g === 'm') return plural ? a.mp : a.ms;
  return plural ? a.fp : a.fs;
}

/** The singular or plural of a noun (plural-only nouns are always plural). */
export function nounForm(n: Noun, plural: boolean): string {
  return plural || n.pluralOnly ? n.pl : n.sg;
}

/** Whether a noun is grammatically plural in this use. */
export function isPlural(n: Noun, plural: boolean): boolean {
  return plural || n.pluralOnly === true;
}

/**
 * A colour adjective shaded dark or light: in compound colour adjectives only the last element
 * agrees ("camisolas azul-escuras"), so the base keeps its masculine singular form.
 */
export function shade(base: Adjective, which: 'dark' | 'light'): Adjective {
  const s = adj(which === 'dark' ? 'Escuro' : 'Claro');
  const lower = (x: string) => x.toLowerCase();
  return {
    ms: `${base.ms}-${lower(s.ms)}`,
    fs: `${base.ms}-${lower(s.fs)}`,
    mp: `${base.ms}-${lower(s.mp)}`,
    fp: `${base.ms}-${lower(s.fp)}`,
  };
}
