// Composes a Portuguese noun phrase from parsed title parts.
//
// Word order follows how a Portuguese shop names a product: the head and the adjectives that
// agree with it first ("Pulseira Preta Ajustável"), then what it is made of ("de Ametista",
// "em Aço Inoxidável"), then what it shows or comes with ("com Árvore da Vida"), then sizes and who
// it is for. Adjectives agree in gender and number with the noun they follow.
import { agree, isPlural, nounForm, type Adjective, type Gender, type Noun } from './glossary/inflect.js';
import type { AdjectiveGroup } from './glossary/types.js';
import type { TitleParts } from './parse-title.js';

/** One piece of the output; `keep` marks proper nouns and names that sentence case must not lower. */
interface Segment {
  text: string;
  keep?: boolean;
}

export interface ComposeOptions {
  /** 'title' (default): Title Case as a shop shows it. 'sentence': for the description's first line. */
  style?: 'title' | 'sentence';
  /**
   * Also say the things a title normally leaves out (three or more colours, every measure): for a
   * caller that must tell two colliding titles apart.
   */
  verbose?: boolean;
}

// Origin last: "Taça Tibetana Artesanal do Nepal" reads better than "… do Nepal Artesanal".
const ADJECTIVE_ORDER: readonly AdjectiveGroup[] = ['size', 'style', 'finish', 'shape', 'feature', 'origin'];

const AUDIENCE: Readonly<Record<string, string>> = {
  women: 'para Mulher',
  men: 'para Homem',
  kids: 'para Criança',
  couple: 'para Casal',
};

/** "a", "a e b", "a, b e c". */
export function joinPt(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} e ${items[items.length - 1]}`;
}

function agreeAll(adjs: readonly Adjective[], g: Gender, plural: boolean): string[] {
  return adjs.map((a) => agree(a, g, plural)).filter((t) => t.length > 0);
}

/** Builds the segments of a title; `composeTitle` joins them. */
function segments(parts: TitleParts, verbose: boolean): Segment[] {
  const out: Segment[] = [];
  const head: Noun = parts.head.noun;
  const plural = parts.plural;
  const g = head.g;
  const pl = isPlural(head, plural);
  const push = (text: string | undefined, keep = false) => {
    if (text && text.trim()) out.push(keep ? { text, keep } : { text });
  };

  if (parts.count && parts.count.n > 1) {
    const { n, kind } = parts.count;
    push(kind === 'boxes' ? `${n} Caixas de` : `${kind === 'pack' ? 'Pack' : 'Conjunto'} de ${n}`);
  }
  for (const a of parts.adjectives.filter((x) => x.before)) push(agree(a.adj, g, pl));
  push(nounForm(head, plural), head.proper || parts.head.from === 'name');
  for (const name of parts.names) push(name, true);

  // Colours: one or two are a description; three or more are the variant list CJ pasted in.
  const colours = parts.colours.length <= 2 || verbose ? parts.colours : [];
  if (colours.length > 0) push(joinPt(agreeAll(colours.map((c) => c.adj), g, pl)));
  const naturalOnHead = parts.natural && parts.stones.length === 0 && parts.scents.length === 0;
  if (naturalOnHead) push(pl ? 'Naturais' : 'Natural');
  for (const group of ADJECTIVE_ORDER) {
    for (const a of parts.adjectives.filter((x) => x.group === group && !x.before)) push(agree(a.adj, g, pl), a.adj.proper);
  }
  for (const p of parts.platings) push(agree(p.adj, g, pl));
  if (head.tail) push(head.tail);
  // Where it goes belongs to the product: "Espanta-Espíritos de Jardim em Cobre", not "… Vida de Jardim".
  for (const q of parts.qualifiers.filter((x) => x.group === 'place')) push(q.pt);

  for (const m of parts.motifs.filter((x) => x.slot === 'afterHead')) push(`${m.connector ?? 'com'} ${m.pt}`, m.proper);
  // "Colar com Pendente de Olho Grego", "Estátua de Buda": a "de" motif names what the piece is.
  const endMotifs = parts.motifs.filter((x) => x.slot !== 'afterHead');
  const motifConnector = parts.head.motifConnector;
  if (endMotifs.length > 0 && motifConnector === 'de') push(`de ${joinPt(endMotifs.map((m) => m.pt))}`, endMotifs.some((m) => m.proper));

  if (parts.scents.length > 0) push(`de ${joinPt(parts.scents.map((s) => s.noun.sg))}`);
  if (parts.stones.length > 0) {
    const names = parts.stones.map((s) => (s.colour ? `${s.noun.sg} ${agree(s.colour, s.noun.g, false)}` : s.noun.sg));
    push(`${parts.head.stoneConnector} ${joinPt(names)}`);
  }
  // "Natural" describes the stone or scent it follows ("de Ametista Natural", "de Sândalo Natural").
  const material = [...parts.scents, ...parts.stones];
  const lastMaterial = parts.stones.length > 0 ? parts.stones[parts.stones.length - 1] : parts.scents[parts.scents.length - 1];
  if (parts.natural && lastMaterial && !/Natura(l|is)$/.test(lastMaterial.noun.sg)) push(material.length > 1 ? 'Naturais' : 'Natural');
  for (const q of parts.qualifiers.filter((x) => x.group === 'raw')) push(q.pt);

  // Its shape before what it is made of: "Pendente de Cristal em Ponta em Aço Inoxidável".
  for (const q of parts.qualifiers.filter((x) => x.group === 'shape')) push(q.pt);
  if (parts.materials.length > 0) push(`em ${joinPt(parts.materials.map((m) => m.pt))}`);

  // Everything the product shows or comes with is said once, as one "com" list.
  const withList: Segment[] = [];
  if (motifConnector === 'com') for (const m of endMotifs) withList.push({ text: m.pt, keep: Boolean(m.proper) });
  for (const a of parts.accessories) {
    const name = a.plural ? a.noun.pl : a.noun.sg;
    withList.push({ text: a.material ? `${name} em ${a.material}` : name });
  }
  for (const c of parts.components) withList.push({ text: `${c.n} ${c.noun.pl}` });
  // "com Capa Amovível" joins the list rather than repeating "com": "com Baqueta e Capa Amovível".
  const features = parts.qualifiers.filter((x) => x.group === 'feature');
  const withFeatures = features.filter((q) => q.pt.startsWith('com '));
  for (const q of withFeatures) withList.push({ text: q.pt.slice(4) });
  if (withList.length > 0) push(`com ${joinPt(withList.map((w) => w.text))}`, withList.some((w) => w.keep));
  for (const q of features.filter((x) => !withFeatures.includes(x))) push(q.pt);

  const measures = verbose ? parts.measures : parts.measures.slice(0, 2);
  for (const m of measures) push(m.text, true);
  if (parts.audience && AUDIENCE[parts.audience]) push(AUDIENCE[parts.audience]);
  return out;
}

/** Lower-cases a segment for sentence case, keeping acronyms, measures and proper nouns. */
function lowerSegment(s: Segment): string {
  if (s.keep) return s.text;
  return s.text
    .split(' ')
    .map((w) => (/\d/.test(w) || (w.length > 1 && w === w.toUpperCase()) ? w : w.toLowerCase()))
    .join(' ');
}

/** Whether the title said anything at all beyond filler ("Hot Sale New 2024" says nothing). */
export function hasContent(parts: TitleParts): boolean {
  if (parts.head.from !== 'none') return true;
  return (
    parts.stones.length + parts.scents.length + parts.materials.length + parts.platings.length + parts.colours.length + parts.adjectives.length + parts.motifs.length + parts.qualifiers.length + parts.measures.length >
    0
  );
}

/** The Portuguese title for parsed parts; empty when the title named nothing. */
export function composeTitle(parts: TitleParts, opts: ComposeOptions = {}): string {
  if (!hasContent(parts)) return '';
  const segs = segments(parts, opts.verbose === true);
  const text =
    opts.style === 'sentence'
      ? segs.map(lowerSegment).join(' ')
      : segs.map((s) => s.text).join(' ');
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}
