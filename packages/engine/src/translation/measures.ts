// Numbers in CJ titles: counts ("3pcs", "Set of 7", "Pack of 20", "108 Beads"), dimensions
// ("10cm", "5-6cm", "4mm", "10x15cm", "4 inch"), weights, volumes and ratings. They are pulled out
// before the words are parsed, because "7pcs/set" or "5-6cm" are not words, and they are re-written
// the Portuguese way: a space before the unit, a decimal comma, inches in centimetres.

export interface Measure {
  kind: 'length' | 'weight' | 'volume' | 'electric' | 'frequency' | 'spec';
  /** Portuguese text, e.g. "5-6 cm", "2,5 cm", "100 g". */
  text: string;
}

export interface Count {
  n: number;
  /** "Set of 7" / "7pcs" → a set; "Pack of 20" / "20 pack" → a pack; "12 Boxes" → boxes of the product. */
  kind: 'set' | 'pack' | 'boxes';
}

/** A number bound to a noun, e.g. "78 cards" or "20 sticks" (singular English noun). */
export interface UnitCount {
  n: number;
  unit: string;
}

/**
 * Put where a counted noun was taken out of a title ("With 20 Cones Incense Holder"), so what was
 * around it is not read as one phrase or as part of the "with" list. Only titles get it.
 */
export const COUNT_MARK = 'qqcountedqq';

export interface ExtractOptions {
  /**
   * A product title, not a spec value: also reads burning times ("40 Hours Burning"), multipacks
   * ("6 x 10ml"), a lone "108" (mala beads), and leaves COUNT_MARK where a counted noun was.
   */
  title?: boolean;
}

export interface Extracted {
  /** The title with every extracted span replaced by a space. */
  rest: string;
  measures: Measure[];
  counts: Count[];
  unitCounts: UnitCount[];
}

const NUM = String.raw`\d+(?:[.,]\d+)?`;

/** Formats a number the Portuguese way: decimal comma, no trailing zeros. */
export function formatNumber(value: number, maxDecimals = 1): string {
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(value * factor) / factor;
  return String(rounded).replace('.', ',');
}

function parseNum(text: string): number {
  return Number(text.replace(',', '.'));
}

/** Keeps the number as written, only swapping the decimal point for a comma. */
function asWritten(text: string): string {
  return text.replace('.', ',');
}

/** Inches mean nothing to a Portuguese shopper: 2.54 cm each, whole centimetres from 10 cm up. */
function inchesToCm(inches: readonly string[]): string {
  const cm = inches.map((n) => {
    const v = parseNum(n) * 2.54;
    return formatNumber(v, v >= 10 ? 0 : 1);
  });
  return `${cm.join(' x ')} cm`;
}

/** The unit words that may follow a count; the plural is folded to the singular. */
const COUNT_UNITS: Readonly<Record<string, string>> = {
  stick: 'stick',
  sticks: 'stick',
  cone: 'cone',
  cones: 'cone',
  card: 'card',
  cards: 'card',
  bead: 'bead',
  beads: 'bead',
  tablet: 'tablet',
  tablets: 'tablet',
  disc: 'disc',
  discs: 'disc',
  bundle: 'bundle',
  bundles: 'bundle',
  candle: 'candle',
  candles: 'candle',
  bottle: 'bottle',
  bottles: 'bottle',
  dice: 'dice',
  stones: 'stone',
  stone: 'stone',
  crystals: 'crystal',
  crystal: 'crystal',
  runes: 'rune',
  coil: 'coil',
  coils: 'coil',
  cube: 'cube',
  cubes: 'cube',
  box: 'box',
  boxes: 'box',
  sheet: 'sheet',
  sheets: 'sheet',
};

/**
 * Pulls measures and counts out of a title. Each pattern runs on what the previous ones left, so a
 * "4mm" is never also read as a count of 4.
 */
export function extractMeasures(title: string, opts: ExtractOptions = {}): Extracted {
  const measures: Measure[] = [];
  const counts: Count[] = [];
  const unitCounts: UnitCount[] = [];
  let rest = title
    .normalize('NFKC')
    .replace(/[×*]/g, 'x')
    .replace(/[～〜]/g, '~')
    // "10mm-12mm" → "10-12mm": one range, one unit.
    .replace(new RegExp(String.raw`(${NUM})\s*(mm|cm)\s*[-~]\s*(${NUM})\s*\2\b`, 'gi'), '$1-$3$2');

  // Replaces each match with a space, unless the handler hands back text to keep instead.
  const take = (re: RegExp, onMatch: (m: readonly (string | undefined)[]) => string | void) => {
    rest = rest.replace(re, (...args: unknown[]) => {
      const groups = args.slice(0, -2) as (string | undefined)[];
      return onMatch(groups) ?? ' ';
    });
  };

  // Years ("2024 New") date a listing, not a product.
  take(/(?<![\w.])20[1-3]\d(?![\w.])/g, () => undefined);

  // Ring sizes: "Size 7", "US 7.5".
  take(/\b(?:ring\s+)?(?:size|us)\s*(\d{1,2}(?:\.5)?)\b(?!\s*(?:mm|cm|pcs|x))/gi, (m) => {
    if (m[1]) measures.push({ kind: 'spec', text: `Tamanho ${m[1].replace('.', ',')}` });
  });

  // "Bluetooth 5.3": a version, not a count of anything.
  take(/\bbluetooth\s*v?(\d(?:\.\d)?)\b/gi, (m) => {
    if (m[1]) measures.push({ kind: 'spec', text: `Bluetooth ${m[1]}` });
  });

  if (opts.title) {
    // "6 x 10ml": six bottles of 10 ml each (before lengths and volumes read "6 x 10").
    take(new RegExp(String.raw`(?<![\w.,])(\d{1,3})\s*x\s*(${NUM}\s*(?:ml|g)(?![a-z]))`, 'gi'), (m) => {
      const [, n, each] = m;
      if (!n || !each) return;
      counts.push({ n: Number(n), kind: 'set' });
      return ` ${each} `;
    });
    // "40 Hours Burning", "4 Hour Burn Time": how long it burns.
    take(/(?<![\w.,])(\d{1,3})\s*-?\s*(?:hours?|hrs?)\b(?:\s+(?:of\s+)?(?:burning|burn(?:\s*time)?))?/gi, (m) => {
      if (m[1]) measures.push({ kind: 'spec', text: `de ${m[1]} Horas` });
    });
  }

  // Lengths: 10cm, 5-6cm, 10x15cm, 10 x 15 x 3 cm, 4 inch, 0.5 inches.
  take(
    new RegExp(
      String.raw`(?<![\w.,])(${NUM})(?:\s*(?:-|~|to)\s*(${NUM}))?(?:\s*x\s*(${NUM}))?(?:\s*x\s*(${NUM}))?\s*(mm|cm|m|inches|inch)(?![a-z])`,
      'gi',
    ),
    (m) => {
      const [, a, range, b, c, unit] = m;
      if (!a || !unit) return;
      const first = range ? `${asWritten(a)}-${asWritten(range)}` : a;
      const dims = [first, b, c].filter((x): x is string => Boolean(x));
      if (unit.toLowerCase().startsWith('inch')) {
        measures.push({ kind: 'length', text: inchesToCm([a, b, c].filter((x): x is string => Boolean(x))) });
      } else {
        measures.push({ kind: 'length', text: `${dims.map(asWritten).join(' x ')} ${unit.toLowerCase()}` });
      }
    },
  );

  // Volumes before weights: "fl oz" is a volume, a bare "oz" a weight.
  take(new RegExp(String.raw`(?<![\w.,])(${NUM})\s*(ml|l|liters?|litres?|fl\.?\s*oz)(?![a-z])`, 'gi'), (m) => {
    const [, n, unit] = m;
    if (!n || !unit) return;
    const u = unit.toLowerCase();
    if (u.includes('oz')) measures.push({ kind: 'volume', text: `${formatNumber(parseNum(n) * 29.5735, 0)} ml` });
    else if (u === 'ml') measures.push({ kind: 'volume', text: `${asWritten(n)} ml` });
    else measures.push({ kind: 'volume', text: `${asWritten(n)} l` });
  });
  take(new RegExp(String.raw`(?<![\w.,])(${NUM})(?:\s*[-~]\s*(${NUM}))?\s*(kg|g|grams?|gr|lbs?|oz)(?![a-z])`, 'gi'), (m) => {
    const [, n, upTo, unit] = m;
    if (!n || !unit) return;
    const u = unit.toLowerCase();
    if (upTo && (u === 'kg' || u.startsWith('g'))) measures.push({ kind: 'weight', text: `${asWritten(n)}-${asWritten(upTo)} ${u === 'kg' ? 'kg' : 'g'}` });
    else if (u === 'kg') measures.push({ kind: 'weight', text: `${asWritten(n)} kg` });
    else if (u.startsWith('lb')) measures.push({ kind: 'weight', text: `${formatNumber(parseNum(n) * 453.592, 0)} g` });
    else if (u === 'oz') measures.push({ kind: 'weight', text: `${formatNumber(parseNum(n) * 28.3495, 0)} g` });
    else measures.push({ kind: 'weight', text: `${asWritten(n)} g` });
  });
  take(new RegExp(String.raw`(?<![\w.,])(${NUM})\s*(w|v|mah)(?![a-z])`, 'gi'), (m) => {
    const [, n, unit] = m;
    if (!n || !unit) return;
    const u = unit.toLowerCase() === 'mah' ? 'mAh' : unit.toUpperCase();
    measures.push({ kind: 'electric', text: `${asWritten(n)} ${u}` });
  });
  take(new RegExp(String.raw`(?<![\w.,])(${NUM})\s*(hz)(?![a-z])`, 'gi'), (m) => {
    if (m[1]) measures.push({ kind: 'frequency', text: `${asWritten(m[1])} Hz` });
  });

  // Counts. "Set of 7", "Pack of 20", "Box of 12".
  take(/\b(set|pack|box|bag|lot|bundle|kit)\s+of\s+(\d{1,4})\b/gi, (m) => {
    const [, word, n] = m;
    if (word && n) counts.push({ n: Number(n), kind: word.toLowerCase() === 'set' || word.toLowerCase() === 'kit' ? 'set' : 'pack' });
  });
  // "7pcs", "3 Pcs/Set", "10pcs/lot", "3 pieces", "3-piece set".
  take(/(?<![\w.,])(\d{1,4})\s*-?\s*(?:pcs|pc|psc|pieces|piece)\b(?:\s*\/\s*(set|lot|pack|box|bag))?/gi, (m) => {
    const [, n, per] = m;
    if (n) counts.push({ n: Number(n), kind: per && per.toLowerCase() !== 'set' ? 'pack' : 'set' });
  });
  // "3 Pack", "3-pack", "20 pk".
  take(/(?<![\w.,])(\d{1,4})\s*-?\s*(?:packs?|pk)\b/gi, (m) => {
    if (m[1]) counts.push({ n: Number(m[1]), kind: 'pack' });
  });
  // "2 Pairs".
  take(/(?<![\w.,])(\d{1,3})\s*pairs?\b/gi, (m) => {
    if (m[1]) counts.push({ n: Number(m[1]), kind: 'set' });
  });
  // "78 Cards", "108 Beads", "20 Sticks" (also "108 Mala Beads").
  take(/(?<![\w.,])(\d{1,4})\s+(mala\s+)?([a-z]+)\b(?:\s*\/\s*(?:box|pack|bag|set|lot))?/gi, (m) => {
    const [whole, n, mala, word] = m;
    const unit = word ? COUNT_UNITS[word.toLowerCase()] : undefined;
    if (!n || !unit) return whole; // "7 Chakra" is not a count: leave it for the parser
    unitCounts.push({ n: Number(n), unit });
    const mark = opts.title ? ` ${COUNT_MARK} ` : ' ';
    return mala ? `${mark}mala ` : mark;
  });
  // A mala has 108 beads: a lone "108" in a title ("108 Amethyst Mala") counts them.
  if (opts.title) {
    take(/(?<![\w.,])108(?![\w.,])/g, () => {
      unitCounts.push({ n: 108, unit: 'bead' });
      return ` ${COUNT_MARK} `;
    });
  }
  return { rest, measures, counts, unitCounts };
}
