// Contract: products, stock, warehouse and sourcing — every read of the catalogue through the
// client, checked against the simulator's own view of the same data (control API) and, where CJ's
// wire format is the point (field names, big numbers, string prices), against the raw response.
import type { AccountView, ProductView, RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CjNotFoundError, CjUnknownOutcomeError, CjValidationError, type ProductSummary } from '../../src/index.js';
import { MONEY, apiCalls, expectNoThrottling, makeClient, newAccount, rawDigits, rawGet, startSim, type TestClient } from './helpers.js';

let sim: RunningSimulator;
let account: AccountView;
let t: TestClient;

const leaf = (path: string) => path.split(' / ').pop();
const priceRangeOf = (p: ProductView) => {
  const prices = p.variants.map((v) => v.priceCents);
  const fmt = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
  return { min: fmt(Math.min(...prices)), max: fmt(Math.max(...prices)) };
};

beforeAll(async () => {
  sim = await startSim();
  account = newAccount(sim);
  t = makeClient(sim, account);
});

afterAll(async () => {
  await sim?.close();
});

describe('products (listV2, list, query, variants, categories, comments, warehouses, my products)', () => {
  it('listV2: keyword search with real paging; items normalised (id→pid, bigImage→image, string sellPrice→PriceRange); features sent comma-joined', async () => {
    const page1 = await t.cj.products.listV2({ keyWord: 'amethyst', page: 1, size: 5, features: ['enable_category', 'enable_description'] });
    expect(page1.pageNum).toBe(1);
    expect(page1.pageSize).toBe(5);
    expect(page1.total).toBeGreaterThan(5);
    expect(page1.totalPages).toBe(Math.ceil(page1.total / 5));
    expect(page1.keyWord).toBe('amethyst');
    expect(page1.items).toHaveLength(5);
    expect(page1.relatedCategories.length).toBeGreaterThan(0);
    for (const item of page1.items) {
      const p = sim.control.getProduct(item.pid);
      expect(p, `listV2 pid ${item.pid} is a catalogue product`).toBeDefined();
      expect(item.nameEn).toBe(p!.nameEn);
      expect(item.nameEn).toMatch(/amethyst/i);
      expect(item.sku).toBe(p!.sku);
      expect(item.image).toBe(`${sim.url}/images/${item.pid}/1.png`);
      expect(item.sellPrice).toEqual(priceRangeOf(p!));
      expect(item.sellPrice!.min).toMatch(MONEY);
      // enable_category and enable_description only arrive if both features reached the simulator.
      expect(item.categoryName).toBe(leaf(p!.categoryPath));
      expect(item.description).toMatch(/<p|<img|<ul|<div/i);
      expect(item.inventory).toBe(p!.totalStock);
      expect(item.saleStatus).toBe('3');
    }
    const page2 = await t.cj.products.listV2({ keyWord: 'amethyst', page: 2, size: 5 });
    expect(page2.pageNum).toBe(2);
    expect(page2.total).toBe(page1.total);
    const first = new Set(page1.items.map((i) => i.pid));
    expect(page2.items.length).toBeGreaterThan(0);
    expect(page2.items.some((i) => first.has(i.pid))).toBe(false);
    // Without enable_category the simulator, like CJ, leaves the category names out.
    expect(page2.items[0]!.categoryName).toBeUndefined();
  });

  it('§9.7 wrong field names: listV2 (id/nameEn/bigImage) and query (pid/productNameEn/productImage) become the same ProductSummary', async () => {
    const hit = (await t.cj.products.listV2({ keyWord: 'tarot', size: 1, features: ['enable_category'] })).items[0]!;
    const pid = hit.pid;
    // The wire formats really differ.
    const rawList = await rawGet(sim, '/product/listV2', { keyWord: 'tarot', size: 1 });
    expect(rawList).toContain(`"id":"${pid}"`);
    expect(rawList).toContain('"bigImage":');
    expect(rawList).not.toContain('"pid":');
    expect(rawList).not.toContain('"productNameEn":');
    const rawQuery = await rawGet(sim, '/product/query', { pid });
    expect(rawQuery).toContain(`"pid":"${pid}"`);
    expect(rawQuery).toContain('"productNameEn":');
    expect(rawQuery).toContain('"productImage":');
    expect(rawQuery).not.toContain('"bigImage":');
    // §9.10 stringly typed: listV2's price and query's weight are JSON strings on the wire.
    const p = sim.control.getProduct(pid)!;
    const range = priceRangeOf(p);
    expect(rawList).toContain(`"sellPrice":"${range.min === range.max ? range.min : `${range.min}-${range.max}`}"`);
    expect(rawQuery).toContain(`"productWeight":"${p.weightG}.0"`);

    const detail = await t.cj.products.query({ pid });
    const v1 = (await t.cj.products.list({ pid })).items[0]!;
    const shared: (keyof ProductSummary)[] = ['pid', 'nameEn', 'sku', 'image', 'sellPrice', 'categoryId', 'productType', 'listedNum', 'supplierName', 'freeShipping'];
    const pick = (s: ProductSummary) => Object.fromEntries(shared.map((k) => [k, s[k]]));
    expect(pick(detail)).toEqual(pick(hit));
    expect(detail.weight).toEqual({ min: p.weightG, max: p.weightG });
    // v1's sellPrice is the lowest variant price (a number at CJ), not the range: compared apart.
    expect({ ...pick(v1), sellPrice: undefined }).toEqual({ ...pick(hit), sellPrice: undefined });
    expect(v1.sellPrice).toEqual({ min: hit.sellPrice!.min, max: hit.sellPrice!.min });
    // "On sale" is `saleStatus` in listV2 and v1, `status` in query.
    expect([hit.saleStatus, v1.saleStatus, detail.status]).toEqual(['3', '3', '3']);
    expect(hit.pid).toBe(pid);
    expect(hit.nameEn).toBe(sim.control.getProduct(pid)!.nameEn);
    expect(hit.image).toBe(`${sim.url}/images/${pid}/1.png`);
    // listV2 names the leaf category; query and v1 send CJ's "A / B / C" path, which ends with it.
    expect(detail.categoryName!.endsWith(` / ${hit.categoryName!}`)).toBe(true);
  });

  it('query: product detail with variants — string weights to numbers, variantKey to a list, money as decimal strings, stock ids without braces', async () => {
    const p = sim.control.listProducts({ status: 'listed', inStock: true }).find((x) => x.variants.length >= 3)!;
    const detail = await t.cj.products.query({ pid: p.pid }, { features: ['enable_inventory'] });
    expect(detail.pid).toBe(p.pid);
    expect(detail.status).toBe('3');
    expect(detail.weight).toEqual({ min: p.weightG, max: p.weightG });
    expect(detail.images).toHaveLength(p.imageCount);
    expect(detail.images[0]).toBe(`${sim.url}/images/${p.pid}/1.png`);
    expect(detail.sellPrice).toEqual(priceRangeOf(p));
    expect(detail.suggestSellPrice!.min).toMatch(MONEY);
    expect(detail.materialNameEn.length).toBeGreaterThan(0);
    expect(detail.variants.map((v) => v.vid)).toEqual(p.variants.map((v) => v.vid));
    for (const [i, v] of detail.variants.entries()) {
      const want = p.variants[i]!;
      expect(v.pid).toBe(p.pid);
      expect(v.sku).toBe(want.sku);
      expect(v.sellPrice).toBe(want.price);
      expect(v.sellPrice).toMatch(MONEY);
      expect(v.weightGrams).toBe(want.weightG);
      expect(v.key.length).toBeGreaterThan(0);
      expect(v.key.join('-')).toBe(want.key.startsWith('[') ? (JSON.parse(want.key) as string[]).join('-') : want.key);
      const byCountry = Object.fromEntries(v.inventories.map((inv) => [inv.countryCode, inv.totalInventory]));
      expect(byCountry).toEqual(Object.fromEntries(want.stock.map((s) => [s.countryCode, s.total])));
      for (const inv of v.inventories) for (const s of inv.stock) expect(s.stockId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    }
    // Without enable_inventory there is no stock in the detail.
    const plain = await t.cj.products.query({ productSku: p.sku });
    expect(plain.pid).toBe(p.pid);
    expect(plain.variants.every((v) => v.inventories.length === 0)).toBe(true);
  });

  it('variants (by pid and by SPU) and variantByVid (with enable_inventory)', async () => {
    const p = sim.control.listProducts({ status: 'listed', inStock: true }).find((x) => x.variants.length >= 2)!;
    const byPid = await t.cj.products.variants({ pid: p.pid });
    expect(byPid.map((v) => v.vid)).toEqual(p.variants.map((v) => v.vid));
    expect(byPid.map((v) => v.sellPrice)).toEqual(p.variants.map((v) => v.price));
    const bySpu = await t.cj.products.variants({ productSku: p.sku });
    expect(bySpu.map((v) => v.vid)).toEqual(byPid.map((v) => v.vid));
    const want = p.variants[1]!;
    const one = await t.cj.products.variantByVid(want.vid, { features: ['enable_inventory'] });
    expect(one.vid).toBe(want.vid);
    expect(one.sku).toBe(want.sku);
    expect(one.sellPrice).toBe(want.price);
    expect(one.inventories.reduce((s, i) => s + (i.totalInventory ?? 0), 0)).toBe(want.totalStock);
  });

  it('list (v1): filters by productNameEn, and also returns delisted products that query refuses (1602002 → CjNotFoundError)', async () => {
    const p = sim.control.listProducts({ status: 'listed' })[10]!;
    const byName = await t.cj.products.list({ productNameEn: p.nameEn, pageSize: 5 });
    expect(byName.items.map((i) => i.pid)).toContain(p.pid);
    expect(byName.items.every((i) => i.nameEn!.toLowerCase().includes(p.nameEn.toLowerCase()))).toBe(true);
    const v1 = byName.items.find((i) => i.pid === p.pid)!;
    expect(v1.sellPrice).toEqual({ min: priceRangeOf(p).min, max: priceRangeOf(p).min }); // v1: the lowest price, a number at CJ
    expect(v1.categoryName).toBe(p.categoryPath);

    const delisted = sim.control.listProducts({ status: 'delisted' })[0]!;
    const page = await t.cj.products.list({ pid: delisted.pid });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.saleStatus).not.toBe('3');
    const err = await t.cj.products.query({ pid: delisted.pid }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjNotFoundError);
    expect((err as CjNotFoundError).code).toBe(1602002);
  });

  it('a parameter CJ refuses (1600300, message naming it) is a CjValidationError', async () => {
    const err = await t.cj.products.query({ pid: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjValidationError);
    expect((err as CjValidationError).code).toBe(1600300);
    expect((err as CjValidationError).message).toMatch(/pid/);
  });

  it('categories: three levels; a product’s categoryId is a leaf of the tree', async () => {
    const roots = await t.cj.products.categories();
    expect(roots.length).toBeGreaterThan(3);
    const leaves = new Map(roots.flatMap((r) => r.groups.flatMap((g) => g.categories.map((c) => [c.categoryId, `${r.name} / ${g.name} / ${c.name}`] as const))));
    const p = sim.control.listProducts({ status: 'listed' })[0]!;
    expect(leaves.get(p.categoryId)).toBe(p.categoryPath);
  });

  it('§9.9 big integers: 19-digit commentIds (bare JSON numbers) come out exact; string paging fields become numbers', async () => {
    let pid: string | undefined;
    let raw = '';
    for (const p of sim.control.listProducts({ status: 'listed', limit: 60 })) {
      raw = await rawGet(sim, '/product/productComments', { pid: p.pid, pageNum: 1, pageSize: 5 });
      if (rawDigits(raw, 'commentId').length >= 3) {
        pid = p.pid;
        break;
      }
    }
    expect(pid, 'a product with reviews').toBeDefined();
    const digits = rawDigits(raw, 'commentId');
    expect(digits.every((d) => d.length === 19)).toBe(true);
    // JSON.parse would have rounded them: the pitfall is real in these responses.
    const naive = (JSON.parse(raw) as { data: { list: { commentId: number }[] } }).data.list.map((c) => String(c.commentId));
    expect(naive).not.toEqual(digits);

    const page = await t.cj.products.comments({ pid: pid!, pageNum: 1, pageSize: 5 });
    expect(page.items.map((c) => c.commentId)).toEqual(digits);
    expect(page.pageNum).toBe(1);
    expect(page.pageSize).toBe(5);
    expect(raw).toContain(`"total":"${page.total}"`);
    expect(page.total).toBeGreaterThanOrEqual(page.items.length);
    for (const c of page.items) {
      expect(c.pid).toBe(pid);
      expect(c.score).toBeGreaterThanOrEqual(1);
      expect(c.score).toBeLessThanOrEqual(5);
    }
    const fives = await t.cj.products.comments({ pid: pid!, score: 5, pageSize: 50 });
    expect(fives.items.every((c) => c.score === 5)).toBe(true);
  });

  it('globalWarehouses: the warehouse areas (envelope without `result`)', async () => {
    const areas = await t.cj.products.globalWarehouses();
    expect(areas.map((a) => a.countryCode)).toEqual(['CN', 'US', 'DE', 'GB', 'FR', 'TH', 'AU']);
    expect(areas[0]).toMatchObject({ areaId: '1', areaEn: 'China Warehouse', disabled: false });
  });

  it('addToMyProduct → myProducts lists it and listV2 flags it; a second add (CJ answers 1600000) is an unknown outcome that myProducts reconciles', async () => {
    const p = sim.control.listProducts({ status: 'listed', inStock: true })[5]!;
    expect(await t.cj.products.addToMyProduct(p.pid)).toBe(true);
    const mine = await t.cj.products.myProducts({ pageNum: 1, pageSize: 10 });
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({ productId: p.pid, nameEn: p.nameEn, sku: p.sku, sellPrice: priceRangeOf(p) });
    const search = await t.cj.products.listV2({ keyWord: p.sku, size: 1 });
    expect(search.items[0]).toMatchObject({ pid: p.pid, myProduct: true });

    const again = await t.cj.products.addToMyProduct(p.pid).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(CjUnknownOutcomeError);
    expect((again as CjUnknownOutcomeError).businessKey).toEqual({ productId: p.pid });
    expect((await t.cj.products.myProducts()).items.map((i) => i.productId)).toEqual([p.pid]);
    expect(apiCalls(sim, account.openId, { path: '/product/addToMyProduct' })).toHaveLength(2); // never resent
  });
});

describe('stock, warehouse, sourcing', () => {
  it('stock.byVid, stock.bySku (variant SKU and SPU) and stock.byPid agree with the catalogue', async () => {
    const p = sim.control.listProducts({ status: 'listed', inStock: true }).find((x) => x.variants.length >= 2)!;
    const v = p.variants[0]!;
    const perArea = (rows: { countryCode?: string | undefined; totalInventory?: number | undefined }[]) => Object.fromEntries(rows.map((r) => [r.countryCode, r.totalInventory]));

    const byVid = await t.cj.stock.byVid(v.vid);
    expect(byVid.every((r) => r.vid === v.vid)).toBe(true);
    expect(perArea(byVid)).toEqual(Object.fromEntries(v.stock.map((s) => [s.countryCode, s.total])));
    for (const r of byVid) {
      expect(r.cjInventory! + r.factoryInventory!).toBe(r.totalInventory);
      expect(r.stock.every((s) => !s.stockId!.includes('{'))).toBe(true);
    }

    const bySku = await t.cj.stock.bySku(v.sku);
    expect(perArea(bySku)).toEqual(perArea(byVid));
    expect(bySku.find((r) => r.countryCode === 'CN')?.countryNameEn).toBe('China');

    const spuTotals: Record<string, number> = {};
    for (const x of p.variants) for (const s of x.stock) spuTotals[s.countryCode] = (spuTotals[s.countryCode] ?? 0) + s.total;
    expect(perArea(await t.cj.stock.bySku(p.sku))).toEqual(spuTotals);

    const byPid = await t.cj.stock.byPid(p.pid);
    expect(perArea(byPid.inventories)).toEqual(spuTotals);
    expect(byPid.variantInventories.map((x) => x.vid)).toEqual(p.variants.map((x) => x.vid));
    expect(Object.fromEntries(byPid.variantInventories[0]!.inventories.map((i) => [i.countryCode, i.totalInventory]))).toEqual(perArea(byVid));
    const cnOnly = await t.cj.stock.byPid(p.pid, { countryCode: 'CN' });
    expect(cnOnly.inventories.map((i) => i.countryCode)).toEqual(['CN']);
  });

  it('warehouse.detail: the storage behind a stockId; an unknown id → CjNotFoundError (1608001)', async () => {
    const v = sim.control.listProducts({ status: 'listed', inStock: true })[0]!.variants[0]!;
    const stockId = (await t.cj.stock.byVid(v.vid))[0]!.stock[0]!.stockId!;
    const storageId = stockId.replaceAll('-', '').toLowerCase();
    const w = await t.cj.warehouse.detail(storageId);
    expect(w.id).toBe(storageId);
    expect(w.name).toBeTruthy();
    expect(w.areaCountryCode).toBe((await t.cj.stock.byVid(v.vid))[0]!.countryCode);
    expect(w.logisticsBrandList.length).toBeGreaterThan(0);
    const err = await t.cj.warehouse.detail('0'.repeat(32)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjNotFoundError);
    expect((err as CjNotFoundError).code).toBe(1608001);
  });

  it('sourcing.create (code-0 envelope) then sourcing.query as the request moves on the simulated clock', async () => {
    const created = await t.cj.sourcing.create({ productName: 'Brass Tibetan Singing Bowl 12cm', productImage: 'https://example.com/bowl.jpg', price: '14.50', thirdProductId: 'shop-77' });
    expect(created.cjSourcingId).toMatch(/^\d+$/);
    expect(created.result).toBe('success');
    const [pending] = await t.cj.sourcing.query([created.cjSourcingId]);
    expect(pending).toMatchObject({ sourceId: created.cjSourcingId, sourceStatus: '1', productId: 'shop-77' });
    await sim.control.advanceClock({ days: 3 });
    const [done] = await t.cj.sourcing.query([created.cjSourcingId]);
    expect(['4', '5']).toContain(done!.sourceStatus);
    if (done!.sourceStatus === '4') expect(sim.control.getProduct(done!.cjProductId!)).toBeDefined();
    expect(await t.cj.sourcing.query(['999999999'])).toEqual([]);
  });

  it('zero 429s: every call of this file went through the client’s limiter and none was throttled', () => {
    expect(apiCalls(sim, account.openId).length).toBeGreaterThan(30);
    expectNoThrottling(sim, account.openId);
    expect(t.calls().filter((c) => c.outcome === 'rate_limited')).toEqual([]);
  });
});
