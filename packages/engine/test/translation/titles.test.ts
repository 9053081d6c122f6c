// Real-looking CJ titles across the store's niches, each with the exact pt-PT title expected.
// Exact strings check grammar (agreement, "de"/"em"/"com"), pt-PT vocabulary and word order; the
// set checks below check what the system this replaces got wrong: dozens of products sharing one
// name, and invented healing claims.
import { describe, expect, it } from 'vitest';
import type { KeyedEntry } from '../../src/translation/glossary/types.js';
import { defaultLexicon, OfflineTranslator } from '../../src/translation/index.js';

const offline = new OfflineTranslator();
const pt = (en: string) => offline.translateTitle(en);

const FIXTURES: ReadonlyArray<readonly [niche: string, en: string, expected: string]> = [
  // Crystals and gemstones
  ['crystals', 'Natural Amethyst Crystal Cluster Raw Quartz Geode Healing Stone Home Decor', 'Drusa de Ametista Natural em Bruto'],
  ['crystals', 'Natural Rose Quartz Crystal Cluster Raw Pink Quartz Healing Stone', 'Drusa de Quartzo Rosa Natural em Bruto'],
  ['crystals', 'Clear Quartz Crystal Tower Point Wand Healing Obelisk Reiki Stone 8-10cm', 'Torre de Quartzo Transparente 8-10 cm'],
  ['crystals', 'Natural Amethyst Tower Crystal Point Wand Home Decor 6-7cm', 'Torre de Ametista Natural 6-7 cm'],
  ['crystals', 'Natural Citrine Raw Stone Healing Crystal Yellow Quartz', 'Citrino Natural em Bruto'],
  ['crystals', 'Tumbled Stones Set 7pcs Chakra Healing Crystals Reiki Stones With Bag', 'Conjunto de 7 Pedras Roladas dos Chakras com Bolsa'],
  ['crystals', 'Black Obsidian Sphere Crystal Ball Healing Stone 5cm', 'Esfera de Obsidiana Negra 5 cm'],
  ['crystals', 'Natural Labradorite Palm Stone Polished Worry Stone', 'Pedra de Palma Polida de Labradorite Natural'],
  ['crystals', 'Hand Carved Clear Quartz Crystal Skull Healing Statue', 'Caveira Esculpida à Mão de Quartzo Transparente'],
  ['crystals', 'Natural Agate Slice Blue Geode Slab Home Decor', 'Fatia Azul de Ágata Natural'],
  ['crystals', 'Natural Pyrite Raw Stone Gold Fool\'s Gold Specimen', 'Pirite Dourada Natural em Bruto'],
  ['crystals', 'Amethyst Tumbled Stones 100g Bulk', 'Pedras Roladas de Ametista 100 g'],
  ['crystals', 'Black Tourmaline Raw Stone Healing Crystal Protection', 'Turmalina Negra em Bruto'],
  ['crystals', 'Crystal Tree Of Life Gem Tree Rose Quartz Decor', 'Árvore da Vida de Quartzo Rosa'],
  ['crystals', 'Angel Figurine Rose Quartz Carved Crystal Angel', 'Anjo Esculpido à Mão de Quartzo Rosa'],
  ['crystals', 'Orgone Pyramid Amethyst Tree Of Life Energy Generator', 'Pirâmide de Orgonite e Ametista com Árvore da Vida'],
  // Tarot and divination
  ['divination', 'Rider Waite Tarot Deck 78 Cards English Version Divination', 'Baralho de Tarot Rider Waite com 78 Cartas em Inglês'],
  ['divination', 'Crystal Pendulum Amethyst Dowsing Pendulum With Chain Divination Tool', 'Pêndulo de Ametista com Corrente'],
  ['divination', 'Wooden Ouija Board Spirit Board With Planchette Talking Board', 'Tabuleiro Ouija em Madeira com Planchette'],
  ['divination', 'Tarot Cloth Altar Cloth Triple Moon Velvet Tablecloth 60x60cm', 'Toalha de Tarot em Veludo com Lua Tripla 60 x 60 cm'],
  ['divination', 'Clear Crystal Ball 80mm Glass Sphere With Wooden Stand', 'Bola de Cristal Transparente em Vidro com Suporte em Madeira 80 mm'],
  ['divination', 'Elder Futhark Rune Stones Set 25pcs Natural Amethyst Runes With Bag', 'Conjunto de 25 Runas Elder Futhark de Ametista Natural com Bolsa'],
  ['divination', 'Lapis Lazuli Pendulum Hexagonal Point With Chain', 'Pêndulo de Lápis-Lazúli em Ponta Hexagonal com Corrente'],
  ['divination', 'Wooden Tarot Card Box Moon Phase Storage Box', 'Caixa para Tarot em Madeira com Fases da Lua'],
  // Incense and burners
  ['incense', 'Backflow Incense Burner Ceramic Waterfall Lotus Incense Holder Home Decor', 'Incensário Cascata em Cerâmica com Flor de Lótus'],
  ['incense', 'Pack Of 20 Sandalwood Incense Sticks Natural Aromatherapy', 'Pack de 20 Paus de Incenso de Sândalo Natural'],
  ['incense', '100pcs Backflow Incense Cones Mixed Scents', 'Conjunto de 100 Cones de Incenso de Refluxo'],
  ['incense', 'White Sage Smudge Stick California Sage Bundle Cleansing 4 Inch', 'Molho de Salva Branca da Califórnia 10 cm'],
  ['incense', 'Natural Palo Santo Wood Sticks 10pcs Peru Holy Wood', 'Conjunto de 10 Paus de Palo Santo Naturais do Peru'],
  ['incense', 'Brass Hanging Censer Church Incense Burner Vintage', 'Turíbulo Vintage em Latão'],
  ['incense', 'Wooden Incense Holder Stick Ash Catcher Lotus Flower', 'Porta-Incenso em Madeira com Flor de Lótus'],
  ['incense', 'Frankincense Resin Natural Incense 100g', 'Resina de Olíbano Natural 100 g'],
  ['incense', 'Nag Champa Incense Cones 50 Cones', 'Pack de 50 Cones de Incenso de Nag Champa'],
  // Meditation and singing bowls
  ['meditation', 'Handmade Tibetan Singing Bowl Set With Mallet And Cushion Nepal Meditation', 'Taça Tibetana Artesanal do Nepal com Baqueta e Almofada'],
  ['meditation', '7 Chakra Singing Bowl Brass Meditation Bowl 10cm', 'Taça Sonora dos 7 Chakras em Latão 10 cm'],
  ['meditation', 'Frosted Quartz Crystal Singing Bowl 432Hz White 8 Inch', 'Taça Sonora de Cristal Branca 20 cm 432 Hz'],
  ['meditation', '108 Mala Beads Necklace Natural Tiger Eye Prayer Beads Buddhist Rosary', 'Colar Japamala Budista de Olho de Tigre Natural com 108 Contas'],
  ['meditation', 'Meditation Cushion Zafu Buckwheat Round Yoga Pillow Purple', 'Almofada de Meditação Roxa Redonda em Casca de Trigo-Sarraceno'],
  ['meditation', 'Wind Chime Copper Tubes Outdoor Garden Tree Of Life Decor', 'Espanta-Espíritos de Jardim em Cobre com Árvore da Vida'],
  ['meditation', 'Tibetan Tingsha Bells Cymbals Om Mani Padme Hum', 'Címbalos Tingsha Tibetanos com Om'],
  // Spiritual jewellery
  ['jewellery', '7 Chakra Tree Of Life Bracelet Lava Stone Beads Yoga Bracelet For Women Men', 'Pulseira dos 7 Chakras de Pedra de Lava com Árvore da Vida'],
  ['jewellery', 'Stainless Steel Evil Eye Pendant Necklace Gold Color Blue Eye Choker Jewelry Gift', 'Colar Dourado com Pendente de Olho Grego em Aço Inoxidável'],
  ['jewellery', '925 Sterling Silver Moonstone Ring Adjustable Open Ring For Women', 'Anel Ajustável de Pedra da Lua em Prata 925 para Mulher'],
  ['jewellery', 'Natural Amethyst Bracelet 8mm Beads Elastic Healing Crystal Bracelet Women', 'Pulseira Elástica de Ametista Natural 8 mm para Mulher'],
  ['jewellery', 'Black Onyx Bracelet 8mm Men Beaded Bracelet Matte', 'Pulseira Mate de Ónix Negro 8 mm para Homem'],
  ['jewellery', 'Hamsa Hand Necklace Gold Plated Hand Of Fatima Pendant Evil Eye Jewelry', 'Colar Banhado a Ouro com Pendente de Mão de Hamsa e Olho Grego'],
  ['jewellery', 'Pentagram Pendant Necklace Silver Color Gothic Wicca Jewelry', 'Colar Prateado Gótico Wicca com Pendente de Pentagrama'],
  ['jewellery', 'Tree Of Life Earrings Wire Wrapped Crystal Drop Earrings Purple', 'Brincos Pendentes Roxos Enrolados em Arame de Cristal com Árvore da Vida'],
  ['jewellery', 'Crescent Moon Stud Earrings 18K Gold Plated Minimalist', 'Brincos de Pressão Minimalistas Banhados a Ouro 18K com Lua Crescente'],
  ['jewellery', 'Ankh Cross Pendant Necklace Egyptian Stainless Steel Chain For Men', 'Colar Egípcio com Pendente de Cruz Ankh em Aço Inoxidável para Homem'],
  ['jewellery', 'Lotus Om Yoga Bracelet Adjustable Braided Rope Bracelet Black', 'Pulseira Preta Entrançada Ajustável com Flor de Lótus e Om'],
  ['jewellery', 'Green Aventurine Bracelet 8mm Lucky Stone', 'Pulseira de Aventurina Verde 8 mm'],
  ['jewellery', 'Malachite Ring 925 Sterling Silver Vintage', 'Anel Vintage de Malaquite em Prata 925'],
  ['jewellery', 'Rainbow Moonstone Ring Sterling Silver Size 7', 'Anel de Pedra da Lua Arco-Íris em Prata 925 Tamanho 7'],
  ['jewellery', 'Necklace Earrings Set Tree Of Life Silver Color', 'Conjunto de Colar e Brincos Prateado com Árvore da Vida'],
  ['jewellery', 'Evil Eye Bracelet Red String Lucky Kabbalah Protection', 'Pulseira com Olho Grego e Fio Vermelho'],
  // Candles and aromatherapy
  ['candles', 'Soy Wax Scented Candles Gift Set 4pcs Lavender Vanilla Aromatherapy', 'Conjunto de 4 Velas Aromáticas de Lavanda e Baunilha em Cera de Soja'],
  ['candles', 'Crystal Candle Amethyst Scented Candle In Glass Jar Healing', 'Vela Aromática com Ametista em Frasco de Vidro'],
  ['candles', 'Taper Candles Set of 12 Unscented Dinner Candles White 25cm', 'Conjunto de 12 Velas Cónicas Brancas sem Aroma 25 cm'],
  ['candles', 'Lavender Essential Oil 10ml Pure Natural Aromatherapy Oil', 'Óleo Essencial de Lavanda Natural 10 ml'],
  ['candles', 'Ultrasonic Aroma Diffuser 300ml Wood Grain Essential Oil Diffuser LED Humidifier', 'Difusor de Aromas Ultrassónico LED com Efeito Madeira 300 ml'],
  ['candles', 'Ceramic Oil Burner Tealight Holder Wax Melt Warmer', 'Queimador de Óleos em Cerâmica'],
  // Esoteric decor
  ['decor', 'Resin Buddha Statue Sitting Meditation Buddha Figurine Home Decor Gold', 'Estátua Dourada de Buda em Resina'],
  ['decor', 'Mandala Tapestry Wall Hanging Bohemian Hippie Tapestry 150x130cm', 'Tapeçaria Boémia Hippie com Mandala 150 x 130 cm'],
  ['decor', 'Handmade Dream Catcher Feather Wall Hanging Boho Decor Large', 'Apanhador de Sonhos Grande Boémio Artesanal com Penas'],
  ['decor', 'Triple Moon Goddess Altar Tile Wooden Wicca Altar Decor', 'Placa de Altar Wicca em Madeira com Lua Tripla'],
  ['decor', 'Himalayan Salt Lamp Natural Pink Salt Rock Lamp Night Light 2-3kg', 'Candeeiro de Sal dos Himalaias Rosa Natural 2-3 kg'],
  ['decor', 'Brass Ganesha Statue Hindu God Figurine 12cm', 'Estátua Hindu de Ganesha em Latão 12 cm'],
  ['decor', 'Hamsa Hand Macrame Wall Hanging Boho', 'Decoração de Parede Boémia em Macramé com Mão de Hamsa'],
  // Ordinary products (pt-PT vocabulary: telemóvel, ecrã, auriculares, autocolantes, castanho)
  ['everyday', 'Silicone Phone Case For iPhone 15 Pro Max Black Shockproof Cover', 'Capa para iPhone 15 Pro Max Preta Antichoque em Silicone'],
  ['everyday', 'Tempered Glass Screen Protector For Samsung Galaxy S24 3 Pack', 'Pack de 3 Películas para Samsung Galaxy S24 em Vidro Temperado'],
  ['everyday', 'Tempered Glass Screen Protector 9H Anti Scratch 2 Pack', 'Pack de 2 Películas para Ecrã 9H Antirriscos em Vidro Temperado'],
  ['everyday', 'Cell Phone Holder For Car Air Vent Magnetic', 'Suporte para Telemóvel Magnético para Carro'],
  ['everyday', 'Wireless Earbuds Bluetooth 5.3 Earphones With Charging Case White', 'Auriculares Brancos sem Fios com Estojo de Carregamento Bluetooth 5.3'],
  ['everyday', 'Large Mouse Pad Moon Phase Desk Mat 80x30cm', 'Tapete de Rato Grande com Fases da Lua 80 x 30 cm'],
  ['everyday', 'Vinyl Stickers Pack 50pcs Witchy Aesthetic Laptop Stickers', 'Conjunto de 50 Autocolantes para Portátil em Vinil'],
  ['everyday', 'Ceramic Coffee Mug Black Cat Moon Witch Mug 350ml', 'Caneca em Cerâmica com Gato Preto, Lua e Bruxa 350 ml'],
  ['everyday', 'Canvas Backpack Vintage Brown School Bag For Men', 'Mochila Castanha Vintage em Lona para Homem'],
];

/** Claim words in Portuguese, with word boundaries that understand accents. */
const CLAIM = /(?<![\p{L}])(cura\p{L}*|curativ\p{L}*|protege\p{L}*|proteção|sorte|milagr\p{L}*|atrai\p{L}*|energia\p{L}*|reiki|riqueza|prosperidade|equilibr\p{L}*|afasta\p{L}*|purifica\p{L}*)(?![\p{L}])/iu;

/** Marketing filler and English function words that must never survive. */
const FILLER = /(?<![\p{L}])(hot|sale|new|wholesale|dropshipping|gift|healing|lucky|protection|women|men|jewelry|decor|home|for|with|and|the|of|set|pcs)(?![\p{L}])/iu;

/** Every Portuguese word an entry can produce, lower-case. */
function ptWords(entry: KeyedEntry): string[] {
  const texts: string[] = [];
  if ('noun' in entry) texts.push(entry.noun.sg, entry.noun.pl);
  if ('adj' in entry) texts.push(entry.adj.ms, entry.adj.fs, entry.adj.mp, entry.adj.fp);
  if ('pt' in entry) texts.push(entry.pt);
  if (entry.kind === 'natural') texts.push('Natural Naturais');
  return texts.join(' ').toLowerCase().match(/[\p{L}]+/gu) ?? [];
}

/** English glossary words that the glossary itself also uses in Portuguese ("labradorite", "natural", "altar"). */
function englishOnlyWords(): Set<string> {
  const english = new Map<string, KeyedEntry>();
  const portuguese = new Set<string>();
  for (const [phrase, entry] of defaultLexicon().entries) {
    if (!phrase.includes(' ') && entry.kind !== 'name') english.set(phrase, entry);
    for (const w of ptWords(entry)) portuguese.add(w);
  }
  return new Set([...english.keys()].filter((w) => !portuguese.has(w) && !LOANWORDS.has(w)));
}

/** English words pt-PT shops use as they are ("Pack de 20"). */
const LOANWORDS = new Set(['pack']);

describe('offline title translation: fixtures', () => {
  it('covers the seven sub-niches and some ordinary products with at least 40 titles', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(40);
    const niches = new Set(FIXTURES.map(([n]) => n));
    expect([...niches].sort()).toEqual(['candles', 'crystals', 'decor', 'divination', 'everyday', 'incense', 'jewellery', 'meditation']);
  });

  it.each(FIXTURES.map(([niche, en, expected]) => [niche, en, expected]))('%s: %s', (_niche, en, expected) => {
    expect(pt(en)).toBe(expected);
  });

  it('gives every fixture a different title', () => {
    const outputs = FIXTURES.map(([, en]) => pt(en));
    const seen = new Map<string, string>();
    for (const [i, out] of outputs.entries()) {
      const en = FIXTURES[i]?.[1] ?? '';
      expect(seen.get(out), `"${en}" and "${seen.get(out) ?? ''}" both became "${out}"`).toBeUndefined();
      seen.set(out, en);
    }
  });

  it('never says a health, luck or magic claim', () => {
    for (const [, en] of FIXTURES) expect(pt(en), en).not.toMatch(CLAIM);
  });

  it('leaves no marketing filler or English function words', () => {
    for (const [, en] of FIXTURES) expect(pt(en), en).not.toMatch(FILLER);
  });

  it('leaves no English word the glossary knows', () => {
    const english = englishOnlyWords();
    // The check itself must be able to fail: these are English words the glossary translates.
    expect(['healing', 'necklace', 'bracelet', 'purple', 'with'].every((w) => english.has(w))).toBe(true);
    for (const [, en] of FIXTURES) {
      const leftovers = (pt(en).toLowerCase().match(/[\p{L}]{2,}/gu) ?? []).filter((w) => english.has(w));
      expect(leftovers, `${en} → ${pt(en)}`).toEqual([]);
    }
  });
});

describe('offline title translation: near-identical listings stay distinct', () => {
  const PAIRS: ReadonlyArray<readonly [what: string, a: string, b: string]> = [
    ['stone', 'Natural Amethyst Crystal Cluster Raw Geode Healing Stone', 'Natural Citrine Crystal Cluster Raw Geode Healing Stone'],
    ['stone', 'Amethyst Tumbled Stones 100g Bulk', 'Rose Quartz Tumbled Stones 100g Bulk'],
    ['colour', 'Stainless Steel Evil Eye Pendant Necklace Gold Color', 'Stainless Steel Evil Eye Pendant Necklace Silver Color'],
    ['colour', 'Meditation Cushion Zafu Round Purple', 'Meditation Cushion Zafu Round Blue'],
    ['size', '7 Chakra Bracelet Lava Stone Beads 8mm', '7 Chakra Bracelet Lava Stone Beads 10mm'],
    ['size', 'Natural Amethyst Crystal Cluster 6-8cm', 'Natural Amethyst Crystal Cluster 10-12cm'],
    ['size', 'Small Tibetan Singing Bowl', 'Large Tibetan Singing Bowl'],
    ['count', 'Soy Wax Scented Candles Set 3pcs Lavender', 'Soy Wax Scented Candles Set 6pcs Lavender'],
    ['count', 'Sandalwood Incense Sticks 20 Sticks', 'Sandalwood Incense Sticks 40 Sticks'],
    ['shape', 'Natural Rose Quartz Heart Healing Crystal', 'Natural Rose Quartz Sphere Healing Crystal'],
    ['shape', 'Amethyst Pendant Necklace Heart Shaped', 'Amethyst Pendant Necklace Hexagonal Point'],
    ['material', 'Evil Eye Bracelet Stainless Steel', 'Evil Eye Bracelet 925 Sterling Silver'],
    ['motif', 'Stainless Steel Pendant Necklace Tree Of Life', 'Stainless Steel Pendant Necklace Crescent Moon'],
    ['scent', 'Soy Wax Scented Candle Lavender', 'Soy Wax Scented Candle Vanilla'],
    ['audience', 'Tiger Eye Bracelet For Men 10mm', 'Tiger Eye Bracelet For Women 10mm'],
  ];

  it.each(PAIRS.map(([what, a, b]) => [what, a, b]))('%s: "%s" vs "%s"', (_what, a, b) => {
    expect(pt(a)).not.toBe(pt(b));
  });
});

describe('the glossary speaks pt-PT', () => {
  /** pt-BR spellings and words with a different pt-PT form. */
  const PT_BR = /(?<![\p{L}])(marrom|celular|tela|fones?|pingentes?|chaveiros?|adesivos?|ônix|fumê|cônicas?|ultrassônic\p{L}*|umidificador\p{L}*|boêmi\p{L}*|trançad\p{L}*|luminárias?|geladeira|mouse|malaquita|pirita|hematita|fluorita|labradorita|selenita|calcedônia|zircônia|gêmeos|xícaras?|cinza|sem fio|banheiro|ônibus|time|esporte|trem|acrílica|câmera)(?![\p{L}])/iu;

  it('has no pt-BR word anywhere in its Portuguese', () => {
    const offenders: string[] = [];
    for (const [phrase, entry] of defaultLexicon().entries) {
      const words = ptWords(entry).join(' ');
      if (PT_BR.test(words)) offenders.push(`${phrase}: ${words}`);
    }
    expect(offenders).toEqual([]);
  });

  it('uses pt-PT words in the fixtures', () => {
    const all = FIXTURES.map(([, en]) => pt(en)).join(' | ');
    for (const word of ['Pendente', 'Ónix', 'Cónicas', 'Ultrassónico', 'Castanha', 'Boémia', 'Entrançada', 'Auriculares', 'Autocolantes', 'Ecrã', 'Telemóvel', 'Pirite', 'Malaquite', 'Labradorite']) {
      expect(all).toContain(word);
    }
    expect(all).not.toMatch(PT_BR);
  });
});
