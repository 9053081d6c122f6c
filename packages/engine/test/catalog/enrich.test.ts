// Gate 6 — Enrich: slugs, SEO texts, category, tags, images and the whole gate on a CJ product.
import { describe, expect, it } from 'vitest';
import type { CandidateDetail } from '../../src/catalog/candidate.js';
import { categoryMapSchema, DEFAULT_CATEGORY_RULES, hasPhrase, mapCategory } from '../../src/catalog/gates/enrich-category.js';
import { imageList } from '../../src/catalog/gates/enrich-images.js';
import { metaDescription, seoTitle, truncateWords } from '../../src/catalog/gates/enrich-seo.js';
import { enrichSettingsSchema } from '../../src/catalog/gates/enrich-settings.js';
import { slugify, slugSuffix, uniqueSlug } from '../../src/catalog/gates/enrich-slug.js';
import { tagsFor } from '../../src/catalog/gates/enrich-tags.js';
import { enrich } from '../../src/catalog/gates/enrich.js';
import { OfflineTranslator, parseTitle } from '../../src/translation/index.js';

const offline = new OfflineTranslator();

function detail(over: Partial<CandidateDetail> = {}): CandidateDetail {
  return {
    pid: '04A22450-67F0-4617-A132-E7AE7F8963B0',
    nameEn: 'Stainless Steel Evil Eye Pendant Necklace Gold Color Blue Eye Choker Jewelry Gift',
    priceMinUsd: '2.10',
    priceMaxUsd: '2.40',
    image: 'https://cf.cjdropshipping.com/main.jpg',
    categoryName: 'Jewelry & Accessories > Necklaces & Pendants',
    keyword: 'evil eye necklace',
    descriptionHtml: '',
    images: ['https://cf.cjdropshipping.com/main.jpg', 'https://cf.cjdropshipping.com/2.jpg'],
    onSale: true,
    weightGrams: 30,
    variants: [
      { vid: 'v1', sku: 'S1', optionValues: ['Gold Color', '45cm'], priceUsd: '2.10', weightGrams: 30, stock: [], onSale: true, image: 'https://cf.cjdropshipping.com/v1.jpg' },
      { vid: 'v2', sku: 'S2', optionValues: ['Silver Color', '50cm'], priceUsd: '2.40', weightGrams: 30, stock: [], onSale: true },
    ],
    ...over,
  };
}

const settings = { ...enrichSettingsSchema.parse({}), storeName: 'ASTRALMIA' };
const free = { isSlugTaken: async () => false };

describe('slugs', () => {
  it('folds accents, lower-cases and hyphenates', () => {
    expect(slugify('Colar Dourado com Pendente de Olho Grego em Aço Inoxidável')).toBe('colar-dourado-com-pendente-de-olho-grego-em-aco-inoxidavel');
    expect(slugify('Taça Tibetana Artesanal — Ónix & Pedra da Lua 5,5 cm')).toBe('taca-tibetana-artesanal-onix-pedra-da-lua-5-5-cm');
    expect(slugify('¡¿!!')).toBe('produto');
  });

  it('stays within 80 characters, cut at a word', () => {
    const long = 'Conjunto de 12 Velas Aromáticas Cónicas de Lavanda e Baunilha em Cera de Soja com Árvore da Vida e Lua Tripla';
    const slug = slugify(long);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(long.length).toBeGreaterThan(80);
    expect(slugify(long).endsWith('-')).toBe(false);
    expect(slugify(long)).toBe('conjunto-de-12-velas-aromaticas-conicas-de-lavanda-e-baunilha-em-cera-de-soja');
  });

  it('is stable for the same title and adds a stable pid suffix on collision', async () => {
    const taken = new Set(['pulseira-de-ametista']);
    const isSlugTaken = async (s: string) => taken.has(s);
    const a = await uniqueSlug('Pulseira de Ametista', 'PID-00001234ABCD', isSlugTaken);
    const b = await uniqueSlug('Pulseira de Ametista', 'PID-00001234ABCD', isSlugTaken);
    expect(a).toBe('pulseira-de-ametista-34abcd');
    expect(b).toBe(a);
    expect(slugSuffix('1628374650192837465')).toBe('837465');
    expect(slugSuffix('7')).toMatch(/^[0-9a-f]{6}$/);
  });

  it('counts up when the suffixed slug is taken too, and gives up eventually', async () => {
    const taken = new Set(['vela', 'vela-abcdef']);
    expect(await uniqueSlug('Vela', 'x-abcdef', async (s) => taken.has(s))).toBe('vela-abcdef-2');
    expect(await uniqueSlug('Vela', 'x-abcdef', async () => true)).toBeUndefined();
  });
});

describe('SEO title and meta description', () => {
  it('appends the store name only when it fits in 60 characters', () => {
    expect(seoTitle('Pulseira de Ametista Natural', 'ASTRALMIA')).toBe('Pulseira de Ametista Natural | ASTRALMIA');
    const long = 'Colar Dourado com Pendente de Olho Grego em Aço Inoxidável';
    expect(seoTitle(long, 'ASTRALMIA')).toBe(long);
    expect(seoTitle('Pulseira', 'ASTRALMIA', 60, false)).toBe('Pulseira');
  });

  it('cuts a long title at a word, never on a dangling preposition', () => {
    const t = seoTitle('Conjunto de 4 Velas Aromáticas de Lavanda e Baunilha em Cera de Soja para Mulher', 'ASTRALMIA');
    expect(t.length).toBeLessThanOrEqual(60);
    expect(t).toBe('Conjunto de 4 Velas Aromáticas de Lavanda e Baunilha em Cera');
    expect(truncateWords('Taça Tibetana Artesanal do Nepal com Baqueta e Almofada', 40)).toBe('Taça Tibetana Artesanal do Nepal');
  });

  it('builds a meta description within 155 characters, claims left out, ending cleanly', () => {
    const description = offline.translateDescription(
      'Material: Natural Crystal<br>Size: 5-6cm<br>Color: Purple<br>Weight: 150g<br>Package Includes: 1 x Crystal Cluster<br>Please allow 1-2cm error due to manual measurement.',
      'Natural Amethyst Crystal Cluster Raw Healing Stone',
    );
    const meta = metaDescription(description, 'Drusa');
    expect(meta.length).toBeLessThanOrEqual(155);
    expect(meta).toBe('Drusa de ametista natural em bruto. Cada pedra natural é única: a forma, a cor e o tamanho podem variar ligeiramente em relação às fotografias.');
    expect(metaDescription('Pedra que cura a ansiedade. Material: Quartzo.', 'x')).toBe('Material: Quartzo.');
    expect(metaDescription('', 'Pulseira de Ametista')).toBe('Pulseira de Ametista');
  });

  it('never ends a cut meta description on punctuation or a connector', () => {
    const text = 'Vela aromática de lavanda em cera de soja, com pavio de algodão e frasco de vidro reutilizável, feita à mão em pequenos lotes, com tampa de madeira, para quem gosta de velas e de ler';
    const meta = metaDescription(text, 'x');
    expect(meta.length).toBeLessThanOrEqual(155);
    expect(meta).toMatch(/[\p{L}\d]…$/u);
    expect(meta).not.toMatch(/\b(de|com|e|em|para),?…$/);
  });
});

describe('category map', () => {
  const map = categoryMapSchema.parse({});
  const cat = (titleEn: string, cjCategoryName?: string) => mapCategory({ titleEn, cjCategoryName }, map).category;

  it('maps the niche to the default categories', () => {
    expect(cat('Natural Amethyst Crystal Cluster Raw Geode')).toBe('Cristais');
    expect(cat('Rider Waite Tarot Deck 78 Cards')).toBe('Tarot e Adivinhação');
    expect(cat('Crystal Ball With Wooden Stand')).toBe('Tarot e Adivinhação');
    expect(cat('Backflow Incense Burner Ceramic')).toBe('Incenso');
    expect(cat('White Sage Smudge Stick')).toBe('Incenso');
    expect(cat('Tibetan Singing Bowl With Mallet')).toBe('Meditação');
    expect(cat('108 Mala Beads Necklace Tiger Eye')).toBe('Meditação');
    expect(cat('Amethyst Bracelet 8mm')).toBe('Joias');
    expect(cat('Soy Wax Scented Candles Amethyst')).toBe('Velas e Aromaterapia');
    expect(cat('Resin Buddha Statue')).toBe('Decoração');
    expect(cat('Wooden Jewelry Box Moon Phase')).toBe('Decoração');
  });

  it('matches whole words: "ring" is not in "earring" or "string"', () => {
    expect(cat('Moonstone Ring Sterling Silver')).toBe('Joias');
    expect(cat('Rings Set Boho')).toBe('Joias');
    const ringOnly = categoryMapSchema.parse({ rules: [{ category: 'Anéis', keywords: ['ring'] }], fallback: 'Outros' });
    const only = (t: string) => mapCategory({ titleEn: t }, ringOnly).category;
    expect(only('Moonstone Ring')).toBe('Anéis');
    expect(only('Rings Set')).toBe('Anéis');
    expect(only('Evil Eye Earring')).toBe('Outros');
    expect(only('Red String Kabbalah')).toBe('Outros');
    expect(only('Bearing Ball')).toBe('Outros');
    expect(hasPhrase(['singing', 'bowls'], 'singing bowl')).toBe(true);
    expect(hasPhrase(['bowl', 'singing'], 'singing bowl')).toBe(false);
  });

  it('uses the CJ category when no keyword matches, then the fallback', () => {
    expect(mapCategory({ titleEn: 'Zorblax Thing', cjCategoryName: 'Home Decor > Ornaments' }, map)).toEqual({ category: 'Decoração', by: 'cjCategory', term: 'home decor', rule: 7 });
    expect(mapCategory({ titleEn: 'Zorblax Thing', cjCategoryName: 'Toys' }, map)).toEqual({ category: 'Artefactos', by: 'fallback' });
  });

  it('lets title keywords win over a wrong CJ category', () => {
    expect(cat('Natural Amethyst Cluster', 'Jewelry & Accessories')).toBe('Cristais');
  });

  it('is configurable and validated', () => {
    expect(categoryMapSchema.parse({ fallback: 'Outros' }).rules).toHaveLength(DEFAULT_CATEGORY_RULES.length);
    expect(categoryMapSchema.safeParse({ rules: [{ category: 'X' }] }).success).toBe(false);
    expect(categoryMapSchema.safeParse({ rules: [] }).success).toBe(false);
  });
});

describe('tags', () => {
  it('come from the parsed parts, translated and de-duplicated', () => {
    expect(tagsFor(parseTitle('Stainless Steel Evil Eye Pendant Necklace Gold Color Blue Eye'))).toEqual(['Colar', 'Olho Grego', 'Aço Inoxidável', 'Dourado']);
    expect(tagsFor(parseTitle('Green Aventurine Tree Of Life Bracelet Bohemian'))).toEqual(['Pulseira', 'Aventurina', 'Árvore da Vida', 'Verde', 'Boémio']);
    expect(tagsFor(parseTitle('Natural Amethyst Raw Healing Reiki Lucky'))).toEqual(['Ametista', 'Natural']);
  });

  it('stop at the maximum', () => {
    const parts = parseTitle('Amethyst Rose Quartz Citrine Obsidian Jade Opal Agate Jasper Onyx Pyrite Bracelet Black');
    expect(tagsFor(parts)).toHaveLength(10);
    expect(tagsFor(parts, 3)).toEqual(['Pulseira', 'Ametista', 'Quartzo Rosa']);
  });
});

describe('images', () => {
  it('puts the main image first, de-duplicates and keeps only http(s)', () => {
    expect(
      imageList({
        image: 'https://a/main.jpg',
        images: ['https://a/main.jpg', '//a/2.jpg', 'javascript:alert(1)', 'data:image/png;base64,xx', 'not a url', 'http://a/3.jpg'],
        variants: [{ image: 'https://a/v.jpg' }, { image: 'https://a/2.jpg' }, {}],
      }),
    ).toEqual(['https://a/main.jpg', 'https://a/2.jpg', 'http://a/3.jpg', 'https://a/v.jpg']);
  });

  it('stops at the maximum', () => {
    expect(imageList({ images: ['https://a/1', 'https://a/2', 'https://a/3'] }, 2)).toEqual(['https://a/1', 'https://a/2']);
  });
});

describe('enrich gate', () => {
  it('enriches a translated CJ product', async () => {
    const d = detail();
    const title = offline.translateTitle(d.nameEn);
    const description = offline.translateDescription('Material: Stainless Steel<br>Chain Length: 45cm', d.nameEn);
    const out = await enrich({ detail: d, title, description }, settings, free);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.product).toEqual({
      pid: d.pid,
      slug: 'colar-dourado-com-pendente-de-olho-grego-em-aco-inoxidavel',
      title: 'Colar Dourado com Pendente de Olho Grego em Aço Inoxidável',
      description: 'Colar dourado com pendente de olho grego em aço inoxidável.\n\nMaterial: Aço inoxidável\nComprimento da corrente: 45 cm',
      seoTitle: 'Colar Dourado com Pendente de Olho Grego em Aço Inoxidável',
      metaDescription: 'Colar dourado com pendente de olho grego em aço inoxidável. Material: Aço inoxidável. Comprimento da corrente: 45 cm.',
      category: 'Joias',
      categoryMatch: { category: 'Joias', by: 'keyword', term: 'necklace', rule: 5 },
      tags: ['Colar', 'Olho Grego', 'Aço Inoxidável', 'Dourado'],
      images: ['https://cf.cjdropshipping.com/main.jpg', 'https://cf.cjdropshipping.com/2.jpg', 'https://cf.cjdropshipping.com/v1.jpg'],
      options: {
        names: ['Cor', 'Comprimento'],
        variants: [
          { vid: 'v1', options: [{ name: 'Cor', value: 'Dourado' }, { name: 'Comprimento', value: '45 cm' }] },
          { vid: 'v2', options: [{ name: 'Cor', value: 'Prateado' }, { name: 'Comprimento', value: '50 cm' }] },
        ],
        warnings: [],
      },
    });
  });

  it('gives two products with the same title different slugs', async () => {
    const taken = new Set<string>();
    const deps = { isSlugTaken: async (s: string) => taken.has(s) };
    const first = await enrich({ detail: detail({ pid: '1111111111111111111' }), title: 'Pulseira de Ametista', description: '' }, settings, deps);
    if (first.ok) taken.add(first.product.slug);
    const second = await enrich({ detail: detail({ pid: '2222222222222222222' }), title: 'Pulseira de Ametista', description: '' }, settings, deps);
    expect([first.ok && first.product.slug, second.ok && second.product.slug]).toEqual(['pulseira-de-ametista', 'pulseira-de-ametista-222222']);
  });

  it('rejects a product with no usable image', async () => {
    const out = await enrich({ detail: detail({ image: 'ftp://x/y.jpg', images: ['/relative.jpg'], variants: [] }), title: 'Colar', description: '' }, settings, free);
    expect(out).toEqual({
      ok: false,
      rejection: { gate: 'enrich', code: 'no_image', reason: 'product 04A22450-67F0-4617-A132-E7AE7F8963B0 has no usable http(s) image (2 image URL(s) given, none usable)' },
    });
  });

  it('rejects an empty title and an exhausted slug', async () => {
    expect(await enrich({ detail: detail(), title: '  ', description: '' }, settings, free)).toMatchObject({ ok: false, rejection: { gate: 'enrich', code: 'empty_title' } });
    expect(await enrich({ detail: detail(), title: 'Colar', description: '' }, settings, { isSlugTaken: async () => true })).toMatchObject({
      ok: false,
      rejection: { code: 'slug_unavailable' },
    });
  });

  it('keeps SEO texts within their limits for a very long title', async () => {
    const title = offline.translateTitle('Soy Wax Scented Candles Gift Set 12pcs Lavender Vanilla Sandalwood Jasmine Tree Of Life Triple Moon Pentagram Wicca Altar');
    const out = await enrich({ detail: detail(), title, description: `${title}. `.repeat(5) }, settings, free);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(title.length).toBeGreaterThan(80);
    expect(out.product.slug.length).toBeLessThanOrEqual(80);
    expect(out.product.seoTitle.length).toBeLessThanOrEqual(60);
    expect(out.product.metaDescription.length).toBeLessThanOrEqual(155);
  });
});
