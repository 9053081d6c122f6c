// The offline translator against the catalogue the demo store actually scans: every product of the
// simulator's esoteric niches (default seed and size) must get a clean pt-PT title — no English
// left over, no health or magic claim — and two products the translator tells apart must not share
// a title.
import { startSimulator, type ProductView } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyedEntry } from '../../src/translation/glossary/types.js';
import { defaultLexicon, findClaims, OfflineTranslator, type TitleParts } from '../../src/translation/index.js';

/** The simulator's esoteric niches (packages/cj-sim/src/catalogue/niches.ts), by key. */
const ESOTERIC_NICHES = ['crystals', 'tarot', 'incense', 'meditation', 'spiritual-jewellery', 'candles', 'esoteric-decor'];

/**
 * ASCII words a pt-PT title may carry although the glossary has no Portuguese for them: proper
 * nouns and names kept as written, units and acronyms.
 */
const ALLOWED = new Set([
  'rider', 'waite', 'elder', 'futhark', 'feng', 'shui', 'palo', 'santo', 'nag', 'champa', 'led', 'usb', 'om', 'mm', 'cm', 'm', 'g', 'kg', 'ml',
  'l', 'hz', 'k', 'd',
]);

/** Words the composer itself writes around the glossary's Portuguese. */
const COMPOSER_WORDS = ['conjunto', 'pack', 'caixas', 'de', 'do', 'da', 'dos', 'das', 'com', 'em', 'e', 'para', 'mulher', 'homem', 'criança',
  'casal', 'natural', 'naturais', 'horas', 'tamanho'];

/** Every Portuguese word the glossary can put in a title, lower-case. */
function portugueseWords(): Set<string> {
  const words = new Set(COMPOSER_WORDS);
  const add = (...texts: Array<string | undefined>) => {
    for (const w of texts.join(' ').toLowerCase().match(/\p{L}+/gu) ?? []) words.add(w);
  };
  for (const e of defaultLexicon().entries.values() as Iterable<KeyedEntry>) {
    if ('noun' in e) add(e.noun.sg, e.noun.pl, e.noun.tail);
    if ('adj' in e) add(e.adj.ms, e.adj.fs, e.adj.mp, e.adj.fp);
    if (e.kind === 'product') {
      add(e.asModifier, e.asMotif, e.setOf?.sg, e.setOf?.pl, e.scent?.sg, e.counted?.pl);
      if (e.namedAs) add(e.namedAs.sg, e.namedAs.pl);
    }
    if (e.kind === 'stone') add(e.scent?.sg);
    if (e.kind === 'motif') add(e.pt, e.shape?.ms);
    // Owner-style names ("iPhone") are not Portuguese: they must be allowed explicitly.
    if ('pt' in e && e.kind !== 'name') add(e.pt);
  }
  return words;
}

const PORTUGUESE = portugueseWords();

/** ASCII words of a title that are neither Portuguese the glossary knows nor allowed as written. */
function leftoverEnglish(title: string): string[] {
  return (title.match(/\p{L}+/gu) ?? []).filter((w) => /^[A-Za-z]+$/.test(w) && !PORTUGUESE.has(w.toLowerCase()) && !ALLOWED.has(w.toLowerCase()));
}

/**
 * What the translator understood a title to say, in a form where synonyms compare equal: the head
 * and its adjectives as one bag of words ("Anel Ajustável" = "Anel" + "Ajustável"), and "for women
 * and men" the same as no audience. Two products with different signatures differ in something the
 * translator parsed, so their titles must differ too.
 */
function signature(p: TitleParts): string {
  const bag = (xs: readonly string[]) => [...new Set(xs)].sort().join('|');
  return JSON.stringify([
    bag([p.head.noun.sg, ...p.adjectives.map((a) => a.adj.ms)].join(' ').toLowerCase().split(' ')),
    p.plural,
    p.count ? `${p.count.kind}:${p.count.n}` : '',
    bag(p.components.map((c) => `${c.n} ${c.noun.pl}`)),
    bag(p.stones.map((s) => `${s.key}:${s.colour?.ms ?? ''}`)),
    bag(p.scents.map((s) => s.key)),
    bag(p.materials.map((m) => m.pt)),
    bag(p.platings.map((x) => x.key)),
    bag(p.colours.map((c) => c.adj.ms)),
    bag(p.qualifiers.map((q) => q.pt)),
    p.natural,
    bag(p.motifs.map((m) => m.pt)),
    bag(p.accessories.map((a) => `${a.plural ? a.noun.pl : a.noun.sg}:${a.material ?? ''}`)),
    bag(p.measures.map((m) => m.text)),
    p.audience === 'unisex' ? '' : (p.audience ?? ''),
    bag(p.names),
  ]);
}

/** Titles shared by products the translator tells apart: title → one English name per signature. */
function collisions(names: readonly string[], translator: OfflineTranslator): Map<string, string[]> {
  const byTitle = new Map<string, Map<string, string>>();
  for (const en of new Set(names)) {
    const title = translator.translateTitle(en);
    const sigs = byTitle.get(title) ?? new Map<string, string>();
    sigs.set(signature(translator.parse(en)), en);
    byTitle.set(title, sigs);
  }
  const out = new Map<string, string[]>();
  for (const [title, sigs] of byTitle) if (sigs.size > 1) out.set(title, [...sigs.values()]);
  return out;
}

const offline = new OfflineTranslator();

describe('offline titles for the simulator catalogue (default seed and size)', () => {
  let products: ProductView[] = [];
  let esoteric: ProductView[] = [];

  beforeAll(async () => {
    const sim = await startSimulator({ port: 0, clock: 'manual' });
    try {
      products = sim.control.listProducts({});
    } finally {
      await sim.close();
    }
    esoteric = products.filter((p) => ESOTERIC_NICHES.includes(p.niche));
  });

  afterAll(() => {
    products = [];
    esoteric = [];
  });

  it('finds the esoteric niches by the simulator’s own niche data', () => {
    expect(new Set(esoteric.map((p) => p.niche))).toEqual(new Set(ESOTERIC_NICHES));
    // The niche list above and the simulator's esoteric flag agree.
    expect(products.filter((p) => p.esoteric).map((p) => p.pid)).toEqual(esoteric.map((p) => p.pid));
    expect(esoteric.length).toBeGreaterThan(1000);
  });

  it('leaves no English word in any esoteric title', () => {
    // The check must be able to fail: an unknown word kept as written is caught.
    expect(leftoverEnglish(offline.translateTitle('Drawstring Moon Tarot Card Bag Gizmo'))).toEqual(['Gizmo']);
    expect(leftoverEnglish('Bolsa para Tarot Drawstring com Lua')).toEqual(['Drawstring']);
    const bad: string[] = [];
    for (const p of esoteric) {
      const title = offline.translateTitle(p.nameEn);
      const parts = offline.parse(p.nameEn);
      const left = [...new Set([...leftoverEnglish(title), ...parts.unknown])];
      if (!title || left.length > 0) bad.push(`${p.nameEn} → "${title}" [${left.join(', ')}]`);
    }
    expect(bad).toEqual([]);
  });

  it('never says a health, luck or magic claim', () => {
    expect(findClaims('Pulseira de Proteção e Sorte')).not.toEqual([]);
    const bad = esoteric.map((p) => offline.translateTitle(p.nameEn)).filter((t) => findClaims(t).length > 0);
    expect(bad).toEqual([]);
  });

  it('gives products it tells apart different titles', () => {
    // The check must be able to fail: the composer leaves three or more colours out of a title, so
    // these two differ in what was parsed but share a title.
    const pair = ['Evil Eye Bracelet Red Blue Black', 'Evil Eye Bracelet Red Blue Green'];
    expect([...collisions(pair, offline).keys()]).toEqual(['Pulseira com Olho Grego']);
    const found = collisions(
      esoteric.map((p) => p.nameEn),
      offline,
    );
    expect([...found].map(([title, names]) => `${title} ⇐ ${names.join(' | ')}`)).toEqual([]);
  });

  it('still tells apart names that differ only in an attribute the simulator varies', () => {
    // One distinguishing attribute each (stone, scent, motif, count, material, finish, shape): never the same title.
    const pairs: ReadonlyArray<readonly [string, string]> = [
      ['Polished Amethyst Palm Worry Stone', 'Polished Citrine Palm Worry Stone'],
      ['Natural Agate Slice Gold Edge', 'Dyed Agate Slice Gold Edge'],
      ['Lavender Incense Coil 4 Hours Burning', 'Sandalwood Incense Coil 4 Hours Burning'],
      ['24 Coils Aged Lavender Incense Coil', '48 Coils Aged Lavender Incense Coil'],
      ['Cotton Crescent Meditation Cushion', 'Cotton Round Meditation Cushion'],
      ['Velvet Moon Tarot Card Bag', 'Velvet Sun Tarot Card Bag'],
      ['Brass Frankincense Resin Charcoal Burner', 'Brass Myrrh Resin Charcoal Burner'],
      ['Laughing Buddha Statue', 'Sleeping Buddha Statue'],
      ['Dangle Moon Earrings', 'Hoop Moon Earrings'],
      ['Root Chakra Crystal Singing Bowl', 'Crown Chakra Crystal Singing Bowl'],
      ['Chime Spell Candles', 'Spell Candles'],
    ];
    for (const [a, b] of pairs) expect(offline.translateTitle(a), `${a} vs ${b}`).not.toBe(offline.translateTitle(b));
  });
});

describe('offline titles for simulator names: exact pt-PT', () => {
  // Names the simulator produces, with the title a Portuguese shop would write.
  const CASES: ReadonlyArray<readonly [en: string, pt: string]> = [
    ['Polished Amethyst Palm Worry Stone Feng Shui Ornament Collection Home Decor', 'Pedra de Palma Polida de Ametista'],
    ['1Pc Thumb Sodalite Palm Worry Stone Collection Office Desk Decoration Home Decor', 'Pedra de Palma de Sodalite com Encaixe para o Polegar'],
    ['Cool Mist Jellyfish Aroma Diffuser Humidifier Aromatherapy Birthday Gift', 'Difusor de Aromas de Névoa Fria com Alforreca'],
    ['Dyed Agate Slice Reiki Energy Gold Edge', 'Fatia Tingida de Ágata com Rebordo Dourado'],
    ['2Pcs Embroidered Star Tarot Card Bag Fortune Telling Astrology Gift Pagan Altar Divination Tool', 'Conjunto de 2 Bolsas para Tarot Bordadas com Estrela'],
    ['Natural Palo Santo Sticks Tea Room Decor Yoga Room Smudging', 'Paus de Palo Santo Naturais para Defumação'],
    ['Crescent Meditation Cushion Floor Pillow Removable Cover Stress Relief Kneeling Seat', 'Almofada de Meditação Meia-Lua com Capa Amovível'],
    ['Puffy Black Tourmaline Crystal Heart Healing Stone Reiki Energy', 'Coração Abaulado de Turmalina Negra'],
    ['Tealight Pentagram Candle Holder Relaxation Table Centerpiece Home Fragrance', 'Castiçal para Velas de Réchaud com Pentagrama'],
    ['Brass Copal Resin Charcoal Burner Home Fragrance Ceramic Ornament Tea Room Decor Censer', 'Queimador de Resina de Copal em Latão'],
    ['78Pcs Classic Moon Tarot Cards Deck Astrology Gift Pagan Altar', 'Baralho de Tarot de Lua com 78 Cartas'],
    ['12 Boxes Handmade Lavender Incense Sticks Gift Box Purification Cleansing Tea Room Decor Long Burning', '12 Caixas de Paus de Incenso Artesanais de Lavanda de Longa Duração'],
    ['24 Coils Aged White Sage Incense Coil 4 Hours Burning Purification Cleansing Home Fragrance', 'Pack de 24 Espirais de Incenso Envelhecidas de Salva Branca de 4 Horas'],
    ['3Pcs Weighted 7 Chakra Tuning Fork Set Sound Therapy Stress Relief Zen Decor Yoga Meditation', 'Conjunto de 3 Diapasões Zen dos 7 Chakras com Pesos'],
    ['6 x 10ml Pure Peppermint Essential Oil Set Home Fragrance Birthday Gift', 'Conjunto de 6 Óleos Essenciais de Hortelã-Pimenta 10 ml'],
    ['Ceramic Koi Fish Backflow Incense Burner With 20 Cones Gift Box', 'Incensário Cascata em Cerâmica com Carpa Koi e 20 Cones de Incenso'],
    ['108 Amethyst Mala Prayer Beads Japa Mala Chakra Healing', 'Japamala de Ametista com 108 Contas'],
    ['Gothic Crystal Ball Witch Skull Figurine Meditation Room Gift Bohemian Home Decoration Shelf Decor', 'Estatueta Gótica Boémia de Bola de Cristal e Caveira de Bruxa'],
    ['Bronze Finish Ganesha Buddha Statue Garden Statue Meditation Room', 'Estátua de Jardim de Ganesha com Acabamento Bronze'],
    ['Reiki Chakra Stone Set With Gift Box Meditation Gift Beginners Set', 'Conjunto de Pedras dos Chakras com Caixa de Oferta'],
    ['Clear Heart Chakra Crystal Singing Bowl Chakra Healing 440Hz With Rubber Mallet', 'Taça Sonora de Cristal Transparente do Chakra do Coração com Baqueta em Borracha 440 Hz'],
    ['Ceramic Crescent Moon Candle Holder Soy Wax Gift Set', 'Castiçal em Cerâmica com Lua Crescente'],
    ['Dangle Evil Eye Earrings Celestial Jewelry Boho Earrings For Women', 'Brincos Pendentes Celestiais Boémios com Olho Grego para Mulher'],
    ['Japanese Zen Sand Garden With Rake And Stones Office Gift', 'Jardim Zen de Areia Japonês com Ancinho e Pedras'],
  ];

  it.each(CASES.map(([en, pt]) => [en, pt]))('%s', (en, pt) => {
    expect(offline.translateTitle(en)).toBe(pt);
  });
});
