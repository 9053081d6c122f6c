// CJ variant option values → named, translated options the storefront can show as selectors.
//
// CJ gives each variant a list of raw values ("Purple-S" → ["Purple", "S"]; ["Gold Color", "45cm"];
// ["7pcs"]) with no names. Each column is named by what its values are (Cor, Tamanho…), so every
// variant of a product has the same option names in the same order, and each value is translated
// with the glossary.
//
// Conventions (chosen here, used everywhere):
// - Colour values use the masculine singular, the form of the colour as a noun ("o roxo"):
//   "Roxo", "Dourado", "Preto" — an option list does not agree with the product noun.
// - Letter sizes are upper case (XS, S, M, L, XL, XXL, XXXL); "2XL" is written "XXL".
// - Measures are written the Portuguese way, with a space and a decimal comma: "10 cm", "4 mm",
//   "2,5 cm"; inches are converted to centimetres.
// - Counts are "1 unidade", "7 unidades".
import { composeTitle, joinPt } from '../translation/compose-title.js';
import { defaultLexicon, normalisePhrase, type Lexicon } from '../translation/glossary/lexicon.js';
import { extractMeasures } from '../translation/measures.js';
import { parseTitle, type TitleParts } from '../translation/parse-title.js';
import type { CandidateVariant } from './candidate.js';

/** The option names this module gives; a second column of the same kind gets a " 2" suffix. */
export type OptionName =
  | 'Cor'
  | 'Tamanho'
  | 'Comprimento'
  | 'Quantidade'
  | 'Material'
  | 'Pedra'
  | 'Aroma'
  | 'Forma'
  | 'Peso'
  | 'Capacidade'
  | 'Estilo';

export interface VariantOption {
  name: string;
  value: string;
}

export interface NormalisedVariants {
  /** Option names, identical for every variant and in this order. */
  names: string[];
  variants: Array<{ vid: string; options: VariantOption[] }>;
  /** Things a person may want to look at (two variants with identical options, missing values). */
  warnings: string[];
}

export interface VariantContext {
  /** The product's parsed English title: a necklace's "45cm" is a length, a statue's a size. */
  titleParts?: TitleParts;
  lexicon?: Lexicon;
}

interface Classified {
  kind: OptionName;
  value: string;
}

/** Value used for a variant that has no value in a column the others have. */
export const MISSING_VALUE = 'Padrão';

const LETTER_SIZE: Readonly<Record<string, string>> = {
  xxs: 'XXS',
  xs: 'XS',
  s: 'S',
  m: 'M',
  l: 'L',
  xl: 'XL',
  xxl: 'XXL',
  '2xl': 'XXL',
  xxxl: 'XXXL',
  '3xl': 'XXXL',
  '4xl': '4XL',
  '5xl': '5XL',
  '6xl': '6XL',
};

/** Products whose centimetres are a length (chains, bracelets), not a size. */
const LENGTH_HEADS = new Set(['necklace', 'pendant necklace', 'choker', 'chain', 'bracelet', 'anklet', 'cord', 'mala necklace', 'body chain']);

/** Priority when a column's kinds are tied. */
const PRIORITY: readonly OptionName[] = ['Cor', 'Tamanho', 'Comprimento', 'Quantidade', 'Material', 'Pedra', 'Aroma', 'Forma', 'Peso', 'Capacidade', 'Estilo'];

const SIZE_FAMILY = new Set<OptionName>(['Tamanho', 'Comprimento', 'Peso', 'Capacidade']);

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What one raw value is, and how it reads in Portuguese. */
export function classifyOptionValue(raw: string, ctx: VariantContext = {}): Classified {
  const lexicon = ctx.lexicon ?? defaultLexicon();
  const value = raw.replace(/\s+/g, ' ').trim();
  const lower = value.toLowerCase();
  const isLength = LENGTH_HEADS.has(ctx.titleParts?.head.key ?? '');

  const letter = LETTER_SIZE[lower.replace(/^size\s*/, '')];
  if (letter) return { kind: 'Tamanho', value: letter };
  if (/^(?:free|one|single|universal) ?size$|^onesize$/.test(lower)) return { kind: 'Tamanho', value: 'Tamanho Único' };
  if (/^adjustable(?: size)?$/.test(lower)) return { kind: 'Tamanho', value: 'Ajustável' };
  const ring = lower.match(/^(?:us|eu|size|no\.?|#)\s*(\d{1,2}(?:[.,]5)?)$/) ?? lower.match(/^(\d{1,2}(?:[.,]5)?)$/);
  if (ring?.[1]) return { kind: 'Tamanho', value: ring[1].replace('.', ',') };

  const count =
    lower.match(/^(\d{1,4})\s*(?:pcs|pc|pieces?|psc|packs?|sets?|units?)(?:\s*\/\s*(?:set|pack|lot|box|bag))?$/) ??
    lower.match(/^(?:set|pack|box|bag|lot) of (\d{1,4})$/);
  if (count?.[1]) return { kind: 'Quantidade', value: `${count[1]} ${count[1] === '1' ? 'unidade' : 'unidades'}` };

  const measured = extractMeasures(value);
  if (measured.measures.length > 0 && !/\p{L}/u.test(measured.rest)) {
    const m = measured.measures[0];
    const text = measured.measures.map((x) => x.text).join(' x ');
    if (m?.kind === 'weight') return { kind: 'Peso', value: text };
    if (m?.kind === 'volume') return { kind: 'Capacidade', value: text };
    return { kind: isLength ? 'Comprimento' : 'Tamanho', value: text };
  }
  const unitCount = measured.unitCounts[0];
  if (unitCount && !/\p{L}/u.test(measured.rest)) return { kind: 'Quantidade', value: `${unitCount.n} unidades` };

  const mixed = lower.match(/^(?:random|mixed|assorted)(?: colou?rs?)?$/);
  if (mixed) return { kind: 'Cor', value: 'Sortido' };
  const modelName = value.match(/^(?:style|type|model|pattern|option|design|no\.?)\s*[-#]?\s*([A-Za-z0-9]{1,4})$/i);
  if (modelName?.[1]) return { kind: 'Estilo', value: `Modelo ${modelName[1].toUpperCase()}` };

  const parts = parseTitle(value, lexicon);
  const known = parts.unknown.length === 0;
  const onlyAttributes = parts.head.from === 'none';
  if (known && onlyAttributes) {
    if (parts.colours.length > 0 && parts.materials.length === 0 && parts.stones.length === 0) {
      return { kind: 'Cor', value: joinPt(parts.colours.map((c) => c.adj.ms)) };
    }
    if (parts.materials.length > 0 || parts.platings.length > 0) {
      const words = [...parts.materials.map((m) => m.pt), ...parts.platings.map((p) => p.adj.ms), ...parts.colours.map((c) => c.adj.ms.toLowerCase())];
      return { kind: 'Material', value: words.join(' ') };
    }
    if (parts.scents.length > 0) return { kind: 'Aroma', value: joinPt(parts.scents.map((s) => s.noun.sg)) };
    const shape = parts.qualifiers.find((q) => q.group === 'shape') ?? parts.adjectives.find((a) => a.group === 'shape');
    if (shape) return { kind: 'Forma', value: capitalise('pt' in shape ? shape.pt.replace(/^em (?:Forma de )?/, '') : shape.adj.ms) };
    if (parts.motifs.length > 0) return { kind: 'Estilo', value: joinPt(parts.motifs.map((m) => m.pt)) };
  }
  if (known && parts.head.from === 'stone') {
    return { kind: 'Pedra', value: composeTitle(parts) };
  }
  if (known && parts.head.from === 'scent') return { kind: 'Aroma', value: composeTitle(parts) };
  if (known && parts.head.from === 'product' && parts.head.domain === 'crystals' && parts.head.rank === 2) {
    return { kind: 'Forma', value: composeTitle(parts) };
  }
  if (known && parts.head.from === 'product') return { kind: 'Estilo', value: composeTitle(parts) };
  // Unknown words: a model name or code the supplier made up; shown as written.
  return { kind: 'Estilo', value: capitalise(value) };
}

/** The name for a column from the kinds of its values. */
function columnName(kinds: readonly OptionName[]): OptionName {
  const counts = new Map<OptionName, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  if (counts.size === 1) return kinds[0] ?? 'Estilo';
  // Mixed: sizes with sizes is still a size ("S" and "45cm"); anything else is a style choice.
  if ([...counts.keys()].every((k) => SIZE_FAMILY.has(k))) return 'Tamanho';
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || PRIORITY.indexOf(a[0]) - PRIORITY.indexOf(b[0]))[0];
  if (top && top[1] === kinds.length) return top[0];
  return 'Estilo';
}

/** Names and translates the option values of one product's variants. */
export function normaliseVariantOptions(
  variants: ReadonlyArray<Pick<CandidateVariant, 'vid' | 'optionValues'>>,
  ctx: VariantContext = {},
): NormalisedVariants {
  const warnings: string[] = [];
  const rows = variants.map((v) => v.optionValues.map((raw) => raw.trim()).filter((raw) => raw.length > 0).map((raw) => classifyOptionValue(raw, ctx)));
  const width = rows.reduce((max, r) => Math.max(max, r.length), 0);

  // Columns are named from the complete rows; a shorter row ("XS" where others have "Purple-S")
  // is matched to the columns by what its values are, not by position.
  const full = rows.filter((r) => r.length === width);
  const names: string[] = [];
  const kindsOf: OptionName[] = [];
  for (let col = 0; col < width; col++) {
    const kinds = full.map((r) => r[col]?.kind).filter((k): k is OptionName => k !== undefined);
    const base = columnName(kinds);
    let name: string = base;
    // Two colour columns (metal and stone, say) stay distinct: "Cor", "Cor 2".
    for (let n = 2; names.includes(name); n++) name = `${base} ${n}`;
    names.push(name);
    kindsOf.push(base);
  }

  const out = variants.map((v, i) => {
    const row = rows[i] ?? [];
    if (row.length === width) return { vid: v.vid, options: names.map((name, col) => ({ name, value: row[col]?.value ?? MISSING_VALUE })) };
    warnings.push(`variant ${v.vid} has ${row.length} option values where others have ${width}`);
    const values: Array<string | undefined> = names.map(() => undefined);
    for (const [pos, cell] of row.entries()) {
      const same = kindsOf.findIndex((k, col) => values[col] === undefined && k === cell.kind);
      const col = same >= 0 ? same : values.findIndex((x, c) => x === undefined && c >= pos);
      if (col >= 0) values[col] = cell.value;
    }
    return { vid: v.vid, options: names.map((name, col) => ({ name, value: values[col] ?? MISSING_VALUE })) };
  });

  const seen = new Map<string, string>();
  for (const v of out) {
    const key = normalisePhrase(v.options.map((o) => o.value).join(' | '));
    const other = seen.get(key);
    if (other !== undefined && v.options.length > 0) warnings.push(`variants ${other} and ${v.vid} have the same options (${v.options.map((o) => o.value).join(', ')})`);
    else seen.set(key, v.vid);
  }
  return { names, variants: out, warnings };
}
