// Supplier spec lines ("Material: Natural Crystal", "Size: 5-6cm") translated label by label.
//
// Only labels with a known meaning are kept. Free prose is where suppliers put their claims
// ("Function: brings good luck and heals…"), and an offline translator cannot render prose
// faithfully, so prose is left out except for a few stock notes recognised whole.
import { hasClaim } from './claims.js';
import { composeTitle, joinPt } from './compose-title.js';
import type { Lexicon } from './glossary/lexicon.js';
import { extractMeasures } from './measures.js';
import { parseTitle } from './parse-title.js';

/** English label (lower-case, no punctuation) → Portuguese label; null = a label never shown. */
const LABELS: Readonly<Record<string, string | null>> = {
  material: 'Material',
  materials: 'Material',
  'main material': 'Material',
  'product material': 'Material',
  'metal type': 'Metal',
  metals: 'Metal',
  metal: 'Metal',
  stone: 'Pedra',
  'stone type': 'Pedra',
  'main stone': 'Pedra',
  gemstone: 'Pedra',
  'natural stone': 'Pedra',
  'crystal type': 'Pedra',
  color: 'Cor',
  colour: 'Cor',
  colors: 'Cor',
  colours: 'Cor',
  'color classification': 'Cor',
  'main color': 'Cor',
  size: 'Tamanho',
  'product size': 'Tamanho',
  'item size': 'Tamanho',
  sizes: 'Tamanho',
  'stone size': 'Tamanho da pedra',
  'pendant size': 'Tamanho do pendente',
  'bead size': 'Tamanho das contas',
  'beads size': 'Tamanho das contas',
  'card size': 'Tamanho das cartas',
  dimension: 'Dimensões',
  dimensions: 'Dimensões',
  'product dimensions': 'Dimensões',
  length: 'Comprimento',
  'chain length': 'Comprimento da corrente',
  'necklace length': 'Comprimento do colar',
  'bracelet length': 'Perímetro',
  circumference: 'Perímetro',
  perimeter: 'Perímetro',
  width: 'Largura',
  height: 'Altura',
  diameter: 'Diâmetro',
  thickness: 'Espessura',
  weight: 'Peso',
  'net weight': 'Peso',
  'product weight': 'Peso',
  'item weight': 'Peso',
  'gross weight': null,
  'package weight': null,
  capacity: 'Capacidade',
  volume: 'Capacidade',
  quantity: 'Quantidade',
  qty: 'Quantidade',
  'number of cards': 'Número de cartas',
  'cards number': 'Número de cartas',
  'package includes': 'Conteúdo da embalagem',
  'package include': 'Conteúdo da embalagem',
  'package included': 'Conteúdo da embalagem',
  'package content': 'Conteúdo da embalagem',
  'package contents': 'Conteúdo da embalagem',
  'packing list': 'Conteúdo da embalagem',
  'package list': 'Conteúdo da embalagem',
  package: 'Conteúdo da embalagem',
  includes: 'Conteúdo da embalagem',
  'in the box': 'Conteúdo da embalagem',
  style: 'Estilo',
  shape: 'Forma',
  pattern: 'Padrão',
  type: 'Tipo',
  'item type': 'Tipo',
  'product type': 'Tipo',
  'product name': null,
  name: null,
  scent: 'Aroma',
  fragrance: 'Aroma',
  smell: 'Aroma',
  'burn time': 'Tempo de queima',
  'burning time': 'Tempo de queima',
  'burn hours': 'Tempo de queima',
  gender: 'Género',
  language: 'Idioma',
  origin: 'Origem',
  'place of origin': 'Origem',
  power: 'Potência',
  voltage: 'Tensão',
  battery: 'Bateria',
  'battery capacity': 'Bateria',
  plating: 'Banho',
  finish: 'Acabamento',
  'closure type': 'Fecho',
  clasp: 'Fecho',
  // Never shown: claims, marketing, logistics, identifiers.
  function: null,
  functions: null,
  effect: null,
  effects: null,
  benefits: null,
  benefit: null,
  usage: null,
  use: null,
  application: null,
  occasion: null,
  occasions: null,
  feature: null,
  features: null,
  brand: null,
  'brand name': null,
  model: null,
  'model number': null,
  'item no': null,
  sku: null,
  certification: null,
  note: null,
  notes: null,
  tips: null,
  'warm tips': null,
  shipping: null,
  delivery: null,
  'suitable for': null,
  'suitable people': null,
  season: null,
  'fine or fashion': null,
  'is customized': null,
  'chakra': null,
  'healing properties': null,
  meaning: null,
  properties: null,
};

const GENDER: Readonly<Record<string, string>> = {
  women: 'Mulher',
  woman: 'Mulher',
  female: 'Mulher',
  ladies: 'Mulher',
  men: 'Homem',
  man: 'Homem',
  male: 'Homem',
  unisex: 'Unissexo',
  kids: 'Criança',
  children: 'Criança',
  girls: 'Menina',
  boys: 'Menino',
};

const LANGUAGES: Readonly<Record<string, string>> = {
  english: 'Inglês',
  spanish: 'Espanhol',
  portuguese: 'Português',
  french: 'Francês',
  german: 'Alemão',
  italian: 'Italiano',
  chinese: 'Chinês',
  japanese: 'Japonês',
};

/** Stock notes suppliers paste; recognised whole and said plainly in Portuguese. */
const NOTES: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string]> = [
  [
    /(?:allow|there (?:may|might) be|has|have)\s+(?:an?\s+)?(\d+(?:[.,]\d+)?\s*(?:-|~|to)?\s*\d*(?:[.,]\d+)?\s*(?:cm|mm))\s*(?:error|difference|deviation)/i,
    (m) => `As medidas são feitas à mão e podem diferir em ${extractMeasures(m[1] ?? '').measures[0]?.text ?? m[1]}.`,
  ],
  [/manual measurement|measured by hand|manually measured/i, () => 'As medidas são feitas à mão e podem diferir ligeiramente.'],
  [
    /(?:monitor|display|screen|light(?:ing)?|photo|picture)s?.{0,80}(?:colou?r).{0,40}(?:differ|vary|slightly|not reflect)|(?:colou?r).{0,60}(?:differ|vary).{0,60}(?:monitor|display|screen|light|photo|picture)|(?:picture|photo|image)s?.{0,40}(?:not reflect|differ|vary).{0,40}colou?r/i,
    () => 'A cor pode variar ligeiramente em relação às fotografias, consoante o ecrã e a iluminação.',
  ],
  [
    /(?:each|every)\s+(?:stone|crystal|piece|item)\s+is\s+unique|natural (?:stones?|crystals?).{0,60}(?:vary|differ|unique)/i,
    () => 'Cada peça natural é única: a forma, a cor e o tamanho podem variar ligeiramente.',
  ],
];

/** The Portuguese label for an English one; undefined = unknown label, null = never shown. */
export function labelFor(english: string): string | null | undefined {
  const key = english
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return LABELS[key];
}

/** A stock note in Portuguese, or undefined when the line is not one. */
export function translateNote(line: string): string | undefined {
  for (const [re, say] of NOTES) {
    const m = line.match(re);
    if (m) return say(m);
  }
  return undefined;
}

/** Lower-cases words for a sentence, keeping acronyms and anything with a digit ("LED", "18K"). */
function lowerWords(text: string): string {
  return text
    .split(' ')
    .map((w) => (/\d/.test(w) || (w.length > 1 && w === w.toUpperCase()) ? w : w.toLowerCase()))
    .join(' ');
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One spec value in Portuguese, or undefined when it cannot be said without leaving English in
 * (the line is then left out rather than shown half-translated).
 */
export function translateValue(label: string, value: string, lexicon: Lexicon): string | undefined {
  const v = value.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!v || hasClaim(v)) return undefined;
  if (/^(?:as (?:shown|picture|pictures|the picture|photo)|see (?:picture|photo|image)s?|random|n\/?a|none|other|default)\.?$/i.test(v)) return undefined;

  if (label === 'Género') return joinPt(v.split(/[\s,/&+]+|and/i).map((w) => GENDER[w.toLowerCase()]).filter((x): x is string => Boolean(x))) || undefined;
  if (label === 'Idioma') return LANGUAGES[v.toLowerCase()];
  if (label === 'Origem') {
    if (/china|cn\b/i.test(v)) return 'China';
    return /^[A-Z][a-z]+$/.test(v) ? v : undefined;
  }
  if (label === 'Tempo de queima') {
    const h = v.match(/(\d+(?:[.,]\d+)?(?:\s*-\s*\d+)?)\s*(?:h|hrs?|hours?)\b/i);
    if (h?.[1]) return `${/approx|about|around/i.test(v) ? 'Cerca de ' : ''}${h[1].replace('.', ',')} horas`;
    return undefined;
  }
  if (label === 'Conteúdo da embalagem' || label === 'Quantidade') return translateItems(v, lexicon);
  return translatePhrase(v, lexicon);
}

/** "1 x Necklace + 1 x Gift Box" → "1 × Colar, 1 × Caixa de oferta"; "7pcs" → "7 unidades". */
function translateItems(value: string, lexicon: Lexicon): string | undefined {
  const items = value.split(/\s*(?:[+,;]|\band\b)\s*/i).filter(Boolean);
  const out: string[] = [];
  for (const item of items) {
    const m = item.match(/^(\d+)\s*(?:x|×|\*|pcs?|pieces?|sets?)?\s*(.*)$/i);
    const n = m?.[1];
    const rest = (m?.[2] ?? item).trim();
    if (n && !rest) {
      out.push(`${n} ${n === '1' ? 'unidade' : 'unidades'}`);
      continue;
    }
    const said = translatePhrase(rest, lexicon);
    if (!said) return undefined;
    out.push(n ? `${n} × ${said}` : said);
  }
  return out.length > 0 ? out.join(', ') : undefined;
}

/** A short English phrase (a material, a colour list, a product) in Portuguese, sentence case. */
export function translatePhrase(value: string, lexicon: Lexicon): string | undefined {
  const approx = /^(?:approx(?:imately)?\b\.?|about\b|around\b|ca\.)\s*/i;
  const prefix = approx.test(value) ? 'Cerca de ' : '';
  const text = value.replace(approx, '');
  if (/^\d+$/.test(text)) return text;
  const { rest, measures } = extractMeasures(text);
  if (!/[\p{L}]/u.test(rest) && measures.length > 0) return `${prefix}${measures.map((m) => m.text).join(', ')}`;

  // A list of colours or materials ("Gold, Silver", "Purple/Pink").
  const pieces = text.split(/\s*[,/;|]\s*/).filter(Boolean);
  if (pieces.length > 1) {
    const said = pieces.map((p) => translatePhrase(p, lexicon));
    if (!said.every((s): s is string => Boolean(s))) return undefined;
    return `${prefix}${said.map((s, i) => (i === 0 ? s : lowerWords(s))).join(', ')}`;
  }

  const parts = parseTitle(text, lexicon);
  if (parts.unknown.length > 0) return undefined;
  if (parts.head.from === 'none') {
    // No product noun: an attribute on its own ("Purple", "Stainless Steel", "Natural Crystal").
    const words = [
      ...parts.measures.map((m) => m.text),
      ...parts.colours.map((c) => c.adj.ms),
      ...parts.stones.map((s) => s.noun.sg),
      ...parts.scents.map((s) => s.noun.sg),
      ...parts.materials.map((m) => m.pt),
      ...parts.platings.map((p) => p.adj.ms),
      ...parts.adjectives.map((a) => a.adj.ms),
      ...parts.qualifiers.map((q) => q.pt),
      ...parts.motifs.map((m) => m.pt),
      ...(parts.natural ? ['Natural'] : []),
    ];
    if (words.length === 0) return undefined;
    return `${prefix}${sentenceCase(lowerWords(joinPt(words)))}`;
  }
  return `${prefix}${composeTitle(parts, { style: 'sentence' })}`;
}
