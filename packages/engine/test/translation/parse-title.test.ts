// The parsed structure behind a title: what the composer says and what a caller can use to tell
// two colliding titles apart.
import { describe, expect, it } from 'vitest';
import { buildLexicon, composeTitle, GlossaryError, OfflineTranslator, parseTitle } from '../../src/translation/index.js';
import { extractMeasures } from '../../src/translation/measures.js';

describe('parseTitle', () => {
  it('picks the most specific product noun as the head and keeps the losers for diagnosis', () => {
    const parts = parseTitle('Stainless Steel Evil Eye Pendant Necklace Gold Color Blue Eye Choker Jewelry Gift');
    expect(parts.head.key).toBe('pendant necklace');
    expect(parts.head.from).toBe('product');
    expect(parts.otherProducts).toContain('Choker');
    expect(parts.materials.map((m) => m.pt)).toEqual(['Aço Inoxidável']);
    expect(parts.colours.map((c) => c.adj.ms)).toEqual(['Dourado']);
    expect(parts.motifs.map((m) => m.pt)).toEqual(['Olho Grego']);
  });

  it('records dropped claims and filler with the reason', () => {
    const parts = parseTitle('Hot Sale Healing Reiki Amethyst Bracelet Lucky Protection Wholesale');
    const why = Object.fromEntries(parts.dropped.map((d) => [d.text.toLowerCase(), d.why]));
    expect(why).toMatchObject({ healing: 'claim', reiki: 'claim', lucky: 'claim', protection: 'claim', 'hot sale': 'filler', wholesale: 'filler' });
    expect(composeTitle(parts)).toBe('Pulseira de Ametista');
  });

  it('binds a colour written before a stone to the stone, and agrees it with the stone', () => {
    const parts = parseTitle('Green Aventurine Red Jasper Bracelet');
    expect(parts.colours).toEqual([]);
    expect(parts.stones.map((s) => [s.noun.sg, s.colour?.fs])).toEqual([
      ['Aventurina', 'Verde'],
      ['Jaspe', 'Vermelha'],
    ]);
    expect(composeTitle(parts)).toBe('Pulseira de Aventurina Verde e Jaspe Vermelho');
  });

  it('names a title with no product noun by its stone', () => {
    const parts = parseTitle('Natural Amethyst Raw Healing');
    expect(parts.head).toMatchObject({ from: 'stone', key: 'amethyst' });
    expect(composeTitle(parts)).toBe('Ametista Natural em Bruto');
  });

  it('turns counts into a plural head with agreeing adjectives', () => {
    const parts = parseTitle('Scented Candle Black 3pcs');
    expect(parts.count).toEqual({ n: 3, kind: 'set' });
    expect(parts.plural).toBe(true);
    expect(composeTitle(parts)).toBe('Conjunto de 3 Velas Aromáticas Pretas');
  });

  it('counts parts of the product with "com" and the head itself with "Pack de"', () => {
    expect(composeTitle(parseTitle('Tarot Cards Deck 78 Cards'))).toBe('Baralho de Tarot com 78 Cartas');
    expect(composeTitle(parseTitle('Incense Sticks 20 Sticks Lavender'))).toBe('Pack de 20 Paus de Incenso de Lavanda');
  });

  it('keeps unknown words as written (brands, names) and reports them', () => {
    const parts = parseTitle('Zodiac Astrolabe Pendant Necklace');
    expect(parts.unknown).toEqual(['Astrolabe']);
    expect(composeTitle(parts)).toBe('Colar Astrolabe com Pendente de Signo do Zodíaco');
  });

  it('uses an unknown title as its own name rather than inventing one', () => {
    const parts = parseTitle('Zorblax Quux');
    expect(parts.head.from).toBe('name');
    expect(composeTitle(parts)).toBe('Zorblax Quux');
  });

  it('handles "with" lists: accessories, with their own materials', () => {
    const parts = parseTitle('Crystal Ball With Wooden Stand');
    expect(parts.accessories).toEqual([{ key: 'stand', noun: expect.objectContaining({ sg: 'Suporte' }), material: 'Madeira' }]);
    expect(parts.materials).toEqual([]);
  });

  it('says what a near-collision needs in verbose mode (three or more colours)', () => {
    const parts = parseTitle('Evil Eye Bracelet Red Blue Black');
    expect(composeTitle(parts)).toBe('Pulseira com Olho Grego');
    expect(composeTitle(parts, { verbose: true })).toBe('Pulseira Vermelha, Azul e Preta com Olho Grego');
  });

  it('composes a sentence-case variant for descriptions, keeping proper nouns', () => {
    expect(composeTitle(parseTitle('Resin Buddha Statue Gold'), { style: 'sentence' })).toBe('Estátua dourada de Buda em resina');
  });
});

describe('measures', () => {
  it('rewrites measures the Portuguese way', () => {
    const { measures } = extractMeasures('Bowl 5-6cm 2.5 inch 10x15cm 150g 10ml 0.5lb 4mm');
    expect(measures.map((m) => m.text)).toEqual(['5-6 cm', '6,4 cm', '10 x 15 cm', '4 mm', '10 ml', '150 g', '227 g']);
  });

  it('reads counts in the forms CJ writes them', () => {
    expect(extractMeasures('7pcs/set').counts).toEqual([{ n: 7, kind: 'set' }]);
    expect(extractMeasures('Set of 7').counts).toEqual([{ n: 7, kind: 'set' }]);
    expect(extractMeasures('Pack Of 20').counts).toEqual([{ n: 20, kind: 'pack' }]);
    expect(extractMeasures('3 Pack').counts).toEqual([{ n: 3, kind: 'pack' }]);
    expect(extractMeasures('10pcs/lot').counts).toEqual([{ n: 10, kind: 'pack' }]);
    expect(extractMeasures('108 Mala Beads').unitCounts).toEqual([{ n: 108, unit: 'bead' }]);
  });

  it('does not read "7 Chakra" as a count', () => {
    const e = extractMeasures('7 Chakra Bracelet');
    expect(e.counts).toEqual([]);
    expect(e.unitCounts).toEqual([]);
    expect(e.rest).toContain('7 Chakra');
  });
});

describe('owner glossary overrides', () => {
  it('adds unknown words with a kind and gender, and they agree', () => {
    const offline = new OfflineTranslator({ glossary: { astrolabe: { pt: 'Astrolábio', kind: 'motif' }, moldavite: { pt: 'Moldavite', kind: 'stone', gender: 'f' } } });
    expect(offline.translateTitle('Astrolabe Pendant Necklace')).toBe('Colar com Pendente de Astrolábio');
    expect(offline.translateTitle('Green Moldavite Ring')).toBe('Anel de Moldavite Verde');
  });

  it('replaces the Portuguese of a known word and keeps its role', () => {
    const offline = new OfflineTranslator({ glossary: { 'palo santo': 'Pau Santo' } });
    expect(offline.translateTitle('Palo Santo Natural')).toBe('Pau Santo Natural');
  });

  it('changes the version, so cached translations made without the override are not reused', () => {
    expect(new OfflineTranslator({ glossary: { x: 'Y' } }).version).not.toBe(new OfflineTranslator().version);
  });

  it('refuses to turn a claim back into title text', () => {
    expect(() => buildLexicon({ healing: 'Cura' })).toThrow(GlossaryError);
  });
});

describe('edge inputs', () => {
  const offline = new OfflineTranslator();

  it('says nothing for a title of pure filler, and the translator reports it', async () => {
    expect(offline.translateTitle('Hot Sale New 2024 Wholesale Dropshipping')).toBe('');
    expect(offline.translateTitle('')).toBe('');
    await expect(offline.translate({ kind: 'title', text: 'Hot Sale New', from: 'en', to: 'pt-PT' })).rejects.toMatchObject({ code: 'empty' });
  });

  it('speaks pt-PT only', async () => {
    await expect(offline.translate({ kind: 'title', text: 'Amethyst Bracelet', from: 'en', to: 'en-GB' })).rejects.toMatchObject({
      name: 'TranslationError',
      code: 'unsupported_locale',
    });
    expect((await offline.translate({ kind: 'title', text: 'Amethyst Bracelet', from: 'en', to: 'pt' })).text).toBe('Pulseira de Ametista');
  });

  it('ignores case, brackets, punctuation and stray accents', () => {
    expect(offline.translateTitle('AMETHYST CRYSTAL CLUSTER')).toBe('Drusa de Ametista');
    expect(offline.translateTitle('【Hot】Amethyst Bracelet（Random Color）')).toBe('Pulseira de Ametista');
    expect(offline.translateTitle('Crystal-Cluster/Amethyst,Natural;Raw')).toBe('Drusa de Ametista Natural em Bruto');
    expect(offline.translateTitle('Évil Éye Brâcelet')).toBe('Pulseira com Olho Grego');
  });

  it('never throws and stays fast on odd or huge input', () => {
    const started = performance.now();
    const odd = ['12345', '&amp;&lt;&gt;', '7pcs', '10cm', 'with with with', "'s 's", '- / , ;', 'Amethyst Rose Quartz Bracelet Necklace Ring '.repeat(200)];
    for (const t of odd) expect(typeof offline.translateTitle(t)).toBe('string');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
