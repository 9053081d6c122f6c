// The catalogue repository on SQLite and PostgreSQL: upserts that replace variants, listing with
// filters/search/sort/paging (the same answers on both databases for the same data), categories,
// the catalogue cap and slug checks.
import { describe, expect, it } from 'vitest';
import {
  countByStatus,
  getProduct,
  getProductByPid,
  listCategories,
  listFingerprints,
  listProducts,
  retireBeyondCap,
  saveProduct,
  slugTaken,
  type CatalogQuery,
} from '../../src/catalog/catalog-repository.js';
import { searchTerms } from '../../src/catalog/catalog-search.js';
import { effectivePriceMinor, foldForSearch, type StoredProduct } from '../../src/catalog/product.js';
import { databaseKinds, freshDatabase, skipUnavailable } from '../support/databases.js';
import { contextFor, product, variant } from './fixtures.js';

const kinds = await databaseKinds();

/** Twelve products: accents, ties in score, price overrides, hidden and retired ones. */
const CATALOGUE: StoredProduct[] = [
  product(1, { title: 'Pulseira de Ametista Natural 8mm', titleEn: 'Natural Amethyst Bead Bracelet 8mm', category: 'Joias', priceMinor: 1_599, score: 80, tags: ['ametista', 'pulseira'] }),
  product(2, { title: 'Cluster de Ametista Bruta', titleEn: 'Raw Amethyst Cluster', category: 'Cristais', priceMinor: 2_499, score: 80, tags: ['ametista'] }),
  product(3, { title: 'Baralho de Tarot Rider Waite', titleEn: 'Rider Waite Tarot Deck', category: 'Tarot e Adivinhação', priceMinor: 1_299, priceOverrideMinor: 999, score: 70, tags: ['tarot'] }),
  product(4, { title: 'Pêndulo de Cristal de Quartzo', titleEn: 'Quartz Crystal Pendulum', category: 'Tarot e Adivinhação', priceMinor: 899, score: 65, tags: ['pêndulo'] }),
  product(5, { title: 'Incenso de Sândalo (20 varetas)', titleEn: 'Sandalwood Incense Sticks', category: 'Incenso', priceMinor: 499, score: 40, tags: ['incenso'] }),
  product(6, { title: 'Queimador de Incenso em Cascata', titleEn: 'Backflow Incense Burner', category: 'Incenso', priceMinor: 1_999, priceOverrideMinor: 2_999, score: 55, tags: ['incenso'] }),
  product(7, { title: 'Vela Aromática de Lavanda', titleEn: 'Lavender Scented Candle', category: 'Velas e Aromaterapia', priceMinor: 1_199, score: 30, tags: ['vela'] }),
  product(8, { title: 'Óleo Essencial de Lavanda', titleEn: 'Lavender Essential Oil', category: 'Óleos essenciais', priceMinor: 1_099, score: 60, tags: [] }),
  product(9, { title: 'Taça Tibetana de Meditação', titleEn: 'Tibetan Singing Bowl', category: 'Meditação', priceMinor: 3_499, score: 90, status: 'hidden', hiddenReason: 'hidden by the operator' }),
  product(10, { title: 'Almofada de Meditação Zafu', titleEn: 'Zafu Meditation Cushion', category: 'Meditação', priceMinor: 2_999, score: 20, status: 'retired' }),
  product(11, { title: 'Ímanes Zodiacais', titleEn: 'Zodiac Magnets', category: 'Ímanes', priceMinor: 599, score: 45, tags: [] }),
  product(12, { title: 'Cristal de Selenite', titleEn: 'Selenite Crystal Wand', category: 'Cristais', priceMinor: 1_499, score: 75, tags: ['selenite'] }),
];

/** Full-text search orders by relevance, which each engine computes its own way: compared as sets. */
function byRelevance(q: CatalogQuery): boolean {
  return Boolean(q.search) && q.sort === 'featured';
}

/** What each query must answer, computed from the data above without any database. */
function oracle(q: CatalogQuery): { total: number; ids: string[] } {
  const statuses = q.statuses ?? ['active'];
  // The search engines match each of the customer's terms as the prefix of a word.
  const terms = q.search ? searchTerms(q.search) : [];
  const words = (p: StoredProduct) => foldForSearch(p.title, p.category, p.tags.join(' '), p.titleEn).split(' ');
  const matching = CATALOGUE.filter(
    (p) =>
      statuses.includes(p.status) &&
      (!q.category || p.category === q.category) &&
      (!q.search || (terms.length > 0 && terms.every((t) => words(p).some((w) => w.startsWith(t))))),
  );
  const byId = (a: StoredProduct, b: StoredProduct) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const key: Record<CatalogQuery['sort'], (a: StoredProduct, b: StoredProduct) => number> = {
    featured: (a, b) => b.score - a.score || byId(a, b),
    price_asc: (a, b) => effectivePriceMinor(a) - effectivePriceMinor(b) || byId(a, b),
    price_desc: (a, b) => effectivePriceMinor(b) - effectivePriceMinor(a) || byId(a, b),
    newest: (a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0) || byId(a, b),
  };
  const sorted = [...matching].sort(byRelevance(q) ? (a, b) => (a.id < b.id ? -1 : 1) : key[q.sort]);
  return { total: matching.length, ids: sorted.slice((q.page - 1) * q.limit, q.page * q.limit).map((p) => p.id) };
}

const QUERIES: Record<string, CatalogQuery> = {
  featured: { page: 1, limit: 50, sort: 'featured' },
  priceAscWithOverrides: { page: 1, limit: 50, sort: 'price_asc' },
  priceDescWithOverrides: { page: 1, limit: 50, sort: 'price_desc' },
  newest: { page: 1, limit: 50, sort: 'newest' },
  category: { page: 1, limit: 50, sort: 'featured', category: 'Incenso' },
  categoryWithAccent: { page: 1, limit: 50, sort: 'featured', category: 'Tarot e Adivinhação' },
  searchPortuguese: { page: 1, limit: 50, sort: 'featured', search: 'ametista' },
  searchUpperCase: { page: 1, limit: 50, sort: 'price_asc', search: 'LAVANDA' },
  searchWithoutAccents: { page: 1, limit: 50, sort: 'featured', search: 'pendulo' },
  searchWithAccents: { page: 1, limit: 50, sort: 'featured', search: 'Sândalo' },
  searchEnglishTitle: { page: 1, limit: 50, sort: 'featured', search: 'amethyst' },
  searchEveryTerm: { page: 1, limit: 50, sort: 'featured', search: 'cristal quartzo' },
  searchNothing: { page: 1, limit: 50, sort: 'featured', search: 'unicórnio' },
  searchWildcards: { page: 1, limit: 50, sort: 'featured', search: '%_%' },
  searchInCategory: { page: 1, limit: 50, sort: 'featured', search: 'incenso', category: 'Incenso' },
  page1: { page: 1, limit: 4, sort: 'featured' },
  page2: { page: 2, limit: 4, sort: 'featured' },
  page3: { page: 3, limit: 4, sort: 'featured' },
  pageBeyond: { page: 9, limit: 4, sort: 'featured' },
  adminEveryStatus: { page: 1, limit: 50, sort: 'newest', statuses: ['active', 'hidden', 'retired'] },
  adminHidden: { page: 1, limit: 50, sort: 'newest', statuses: ['hidden'] },
};

const answers = new Map<string, Record<string, { total: number; ids: string[] }>>();

describe.each(kinds)('the catalogue repository on $name', (kind) => {
  if (skipUnavailable(kind)) return;
  const store = freshDatabase(kind, async ({ db }) => {
    for (const p of CATALOGUE) await saveProduct(db, p);
  });

  it('lists with filters, accent- and case-insensitive search, sort and paging exactly as specified', async () => {
    const ctx = contextFor(store.db);
    const got: Record<string, { total: number; ids: string[] }> = {};
    for (const [name, q] of Object.entries(QUERIES)) {
      const result = await listProducts(ctx, q);
      const ids = result.items.map((p) => p.id);
      got[name] = { total: result.total, ids: byRelevance(q) ? ids.sort() : ids };
      expect(got[name], name).toEqual(oracle(q));
    }
    answers.set(kind.name, got);
    // Spot checks of the oracle itself, so a wrong oracle cannot hide a wrong query.
    expect(got.priceAscWithOverrides!.ids.slice(0, 3)).toEqual(['p005', 'p011', 'p004']);
    expect(got.featured!.ids.slice(0, 3)).toEqual(['p001', 'p002', 'p012']);
    expect(got.searchWithoutAccents!.ids).toEqual(['p004']);
    expect(got.searchEveryTerm!.ids).toEqual(['p004']);
    expect(got.page2!).toEqual({ total: 10, ids: ['p004', 'p008', 'p006', 'p011'] });
    expect(got.searchPortuguese!.ids).toEqual(['p001', 'p002']);
    // Nothing searchable in the words: no results (the page then suggests categories), never everything.
    expect(got.searchWildcards!.total).toBe(0);
  });

  it('ranks a match in the title above a match in the description only, whatever the scores', async () => {
    const fresh = await kind.open();
    try {
      await saveProduct(fresh.db, product(60, { title: 'Colar simples', description: '<p>Com uma pedra de rubi.</p>', score: 99, tags: [] }));
      await saveProduct(fresh.db, product(61, { title: 'Anel de Rubi', description: '<p>Prata.</p>', score: 1, tags: [] }));
      const ctx = contextFor(fresh.db);
      const ranked = await listProducts(ctx, { page: 1, limit: 10, sort: 'featured', search: 'rubi' });
      expect(ranked.items.map((p) => p.id)).toEqual(['p061', 'p060']);
      // An explicit sort still wins over relevance.
      const byPrice = await listProducts(ctx, { page: 1, limit: 10, sort: 'price_desc', search: 'rubi' });
      expect(byPrice.items.map((p) => p.id)).toEqual(['p061', 'p060']);
      const byDate = await listProducts(ctx, { page: 1, limit: 10, sort: 'newest', search: 'rubi' });
      expect(byDate.items.map((p) => p.id)).toEqual(['p061', 'p060']);
    } finally {
      await fresh.cleanup();
    }
  });

  it('reads products back whole, by id, slug and CJ id', async () => {
    const stored = await getProductByPid(store.db, 'PID-p003');
    expect(stored).toEqual(CATALOGUE[2]);
    expect(await getProduct(store.db, 'p003')).toEqual(CATALOGUE[2]);
    expect(await getProduct(store.db, 'produto-p003')).toEqual(CATALOGUE[2]);
    expect(await getProduct(store.db, 'nope')).toBeUndefined();
    expect(await countByStatus(store.db)).toEqual({ active: 10, hidden: 1, retired: 1 });
    const fingerprints = await listFingerprints(store.db);
    expect(fingerprints.map((f) => f.cjPid).sort()).toEqual(CATALOGUE.filter((p) => p.status !== 'retired').map((p) => p.cjPid).sort());
  });

  it('lists categories of active products with their counts, in the store language order', async () => {
    expect(await listCategories(contextFor(store.db))).toEqual([
      { category: 'Cristais', count: 2 },
      { category: 'Ímanes', count: 1 },
      { category: 'Incenso', count: 2 },
      { category: 'Joias', count: 1 },
      { category: 'Óleos essenciais', count: 1 },
      { category: 'Tarot e Adivinhação', count: 2 },
      { category: 'Velas e Aromaterapia', count: 1 },
    ]);
  });

  it('tells whether a slug is taken by another product', async () => {
    expect(await slugTaken(store.db, 'produto-p001')).toBe(true);
    expect(await slugTaken(store.db, 'produto-p001', 'PID-p001')).toBe(false);
    expect(await slugTaken(store.db, 'produto-p001', 'PID-p002')).toBe(true);
    expect(await slugTaken(store.db, 'produto-p999')).toBe(false);
    // Retired and hidden products keep their slugs.
    expect(await slugTaken(store.db, 'produto-p010')).toBe(true);
  });

  it('upserts by CJ product id: fields and variants are replaced, the id and creation date kept', async () => {
    const fresh = await kind.open();
    try {
      const first = product(50, { variants: [variant('a1', { position: 0 }), variant('a2', { position: 1 }), variant('a3', { position: 2 })] });
      await saveProduct(fresh.db, first);
      expect((await getProductByPid(fresh.db, first.cjPid))!.variants.map((v) => v.cjVid)).toEqual(['a1', 'a2', 'a3']);

      // The same CJ product saved again (another object id, as a caller that did not look it up would).
      const second = product(50, {
        id: 'another-id',
        createdAt: '2027-01-01T00:00:00.000Z',
        title: 'Título novo',
        priceMinor: 2_222,
        variants: [variant('a4', { id: 'v-new', position: 0, priceMinor: 2_500 }), variant('a2', { position: 1, priceMinor: 2_222, stock: 7 })],
      });
      await saveProduct(fresh.db, second);
      const stored = (await getProductByPid(fresh.db, first.cjPid))!;
      expect(stored).toMatchObject({ id: first.id, createdAt: first.createdAt, title: 'Título novo', priceMinor: 2_222 });
      expect(stored.variants.map((v) => [v.cjVid, v.priceMinor, v.stock])).toEqual([
        ['a4', 2_500, 120],
        ['a2', 2_222, 7],
      ]);
      const rows = await fresh.db.selectFrom('variants').select(['cj_vid', 'product_id']).orderBy('cj_vid').execute();
      expect(rows).toEqual([
        { cj_vid: 'a2', product_id: first.id },
        { cj_vid: 'a4', product_id: first.id },
      ]);
      // The search text follows the new title.
      expect((await listProducts(contextFor(fresh.db), { page: 1, limit: 5, sort: 'featured', search: 'titulo novo' })).total).toBe(1);

      // Saved with no variants: none are left.
      await saveProduct(fresh.db, { ...second, variants: [] });
      expect(await fresh.db.selectFrom('variants').selectAll().execute()).toEqual([]);
      expect(await fresh.db.selectFrom('products').select('id').execute()).toHaveLength(1);
    } finally {
      await fresh.cleanup();
    }
  });

  it('retires the weakest active products beyond the cap (ties: oldest first), never hidden ones', async () => {
    const fresh = await kind.open();
    try {
      const scores = [60, 20, 90, 20, 45, 75];
      for (const [i, score] of scores.entries()) await saveProduct(fresh.db, product(i + 1, { score }));
      await saveProduct(fresh.db, product(7, { score: 1, status: 'hidden' }));
      const now = '2026-11-30T10:00:00.000Z';
      expect(await retireBeyondCap(fresh.db, 10, now)).toEqual([]);
      expect(await retireBeyondCap(fresh.db, 6, now)).toEqual([]);
      expect(await retireBeyondCap(fresh.db, 3, now)).toEqual(['PID-p002', 'PID-p004', 'PID-p005']);
      expect(await countByStatus(fresh.db)).toEqual({ active: 3, hidden: 1, retired: 3 });
      const retired = await getProduct(fresh.db, 'p002');
      expect(retired).toMatchObject({ status: 'retired', updatedAt: now });
      expect(retired!.hiddenReason).toMatch(/catalogue cap/);
      expect(await retireBeyondCap(fresh.db, 3, now)).toEqual([]);
      // Saving with a cap retires in the same call.
      expect(await saveProduct(fresh.db, product(8, { score: 10 }), { cap: { keep: 3, nowIso: now } })).toEqual(['PID-p008']);
      expect(await saveProduct(fresh.db, product(9, { score: 99 }), { cap: { keep: 3, nowIso: now } })).toEqual(['PID-p001']);
      expect((await listProducts(contextFor(fresh.db), { page: 1, limit: 10, sort: 'featured' })).items.map((p) => p.id)).toEqual(['p009', 'p003', 'p006']);
    } finally {
      await fresh.cleanup();
    }
  });
});

describe('the same data gives the same answers on both databases', () => {
  it.skipIf(!kinds.every((k) => k.available))('SQLite and PostgreSQL agree on every listing query', () => {
    expect(answers.get('sqlite')).toBeDefined();
    expect(answers.get('postgres')).toEqual(answers.get('sqlite'));
  });
});
