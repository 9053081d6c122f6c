// The seeded catalogue (default size), listV2 search and paging, the field-name split between
// listV2 and query/v1, delisting, stock endpoints, categories, images and reviews.
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../src/catalogue/generator.js';
import type { RunningSimulator } from '../src/index.js';
import { call, login, sim, type Json } from './helpers.js';

let s: RunningSimulator;
let token: string;

beforeAll(async () => {
  s = await sim({ catalogueSize: undefined }); // the default size: 2400
  token = await login(s);
});
afterAll(() => s.close());

const ESOTERIC = ['crystals', 'tarot', 'incense', 'meditation', 'spiritual-jewellery', 'candles', 'esoteric-decor'];

describe('the default catalogue', () => {
  it('has ≥ 2000 products over esoteric (≥ 55%) and ordinary niches, with 1–12 variants each', () => {
    const all = s.control.listProducts({ status: 'all' });
    expect(all.length).toBe(2400);
    const niches = new Set(all.map((p) => p.niche));
    for (const n of [...ESOTERIC, 'kitchen', 'pets', 'phone', 'fitness', 'beauty', 'toys']) expect(niches).toContain(n);
    expect(all.filter((p) => p.esoteric).length / all.length).toBeGreaterThanOrEqual(0.55);
    for (const p of all) {
      expect(p.variants.length).toBeGreaterThanOrEqual(1);
      expect(p.variants.length).toBeLessThanOrEqual(12);
    }
    expect(all.some((p) => p.variants.length === 12)).toBe(true);
    expect(new Set(all.map((p) => p.nameEn)).size).toBe(all.length);
    expect(new Set(all.map((p) => p.sku)).size).toBe(all.length);
    const delisted = all.filter((p) => p.status === 'delisted').length / all.length;
    expect(delisted).toBeGreaterThan(0.01);
    expect(delisted).toBeLessThan(0.06);
    const outOfStock = all.filter((p) => p.totalStock === 0).length / all.length;
    expect(outOfStock).toBeGreaterThan(0.02);
    expect(outOfStock).toBeLessThan(0.09);
  });

  it('is deterministic: the same seed gives the same first page, another seed other products', async () => {
    const strip = (text: string) => text.replace(/http:\/\/127\.0\.0\.1:\d+/g, 'BASE').replace(/"requestId":"[^"]+"/, '');
    const page = async (x: RunningSimulator, tok?: string) => strip((await call(x, 'GET', '/product/listV2', { token: tok ?? (await login(x)), query: { size: 20 } })).text);
    const twin = await sim({ catalogueSize: undefined });
    try {
      expect(await page(twin)).toBe(await page(s, token));
    } finally {
      await twin.close();
    }
    // Product i depends only on (seed, i), so the first products of a small catalogue show the seed's effect.
    const seed42 = generateCatalogue(42, 20, Date.UTC(2026, 10, 1)).products;
    const seed7 = generateCatalogue(7, 20, Date.UTC(2026, 10, 1)).products;
    expect(seed42.map((p) => p.pid)).toEqual(s.control.listProducts({ status: 'all', limit: 20 }).map((p) => p.pid));
    expect(seed7.map((p) => p.pid).filter((pid) => seed42.some((p) => p.pid === pid))).toEqual([]);
    expect(seed7.map((p) => p.nameEn)).not.toEqual(seed42.map((p) => p.nameEn));
  });

  it('writes realistic, keyword-stuffed names with the esoteric vocabulary', () => {
    const names = s.control.listProducts({ niche: 'crystals' }).map((p) => p.nameEn);
    expect(names.some((n) => /Amethyst/.test(n) && /(Healing|Reiki|Decor)/.test(n))).toBe(true);
    const jewellery = s.control.listProducts({ niche: 'spiritual-jewellery' }).map((p) => p.nameEn);
    expect(jewellery.some((n) => /Bracelet/.test(n) && /For (Women|Men)/.test(n))).toBe(true);
  });
});

describe('product/listV2', () => {
  it('uses listV2 field names (id, nameEn, bigImage, sellPrice as a string) and real paging', async () => {
    const r = await call(s, 'GET', '/product/listV2', { token, query: { page: 2, size: 100 } });
    const d = r.body.data;
    expect(d).toMatchObject({ pageSize: 100, pageNumber: 2 });
    expect(d.totalRecords).toBe(s.control.listProducts({ status: 'listed' }).length);
    expect(d.totalPages).toBe(Math.ceil(d.totalRecords / 100));
    const item = d.content[0].productList[0];
    expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'nameEn', 'sku', 'spu', 'bigImage', 'sellPrice', 'listedNum', 'categoryId', 'createAt', 'warehouseInventoryNum']));
    expect(item).not.toHaveProperty('pid');
    expect(item).not.toHaveProperty('productNameEn');
    expect(typeof item.sellPrice).toBe('string');
    expect(item.sellPrice).toMatch(/^\d+\.\d{2}(-\d+\.\d{2})?$/);
    expect(item.threeCategoryName).toBeNull();
    expect(item.description).toBeNull();
    const first = await call(s, 'GET', '/product/listV2', { token, query: { page: 1, size: 100 } });
    const ids1 = new Set(first.body.data.content[0].productList.map((p: Json) => p.id));
    expect(d.content[0].productList.some((p: Json) => ids1.has(p.id))).toBe(false);
    const last = await call(s, 'GET', '/product/listV2', { token, query: { page: d.totalPages, size: 100 } });
    expect(last.body.data.content[0].productList.length).toBe(d.totalRecords - (d.totalPages - 1) * 100);
  });

  it('ranks keyword matches: all terms and the exact phrase first, whole words only', async () => {
    const r = await call(s, 'GET', '/product/listV2', { token, query: { keyWord: 'amethyst crystal cluster', size: 50 } });
    const list = r.body.data.content[0].productList;
    expect(list.length).toBeGreaterThan(5);
    expect(list[0].nameEn).toMatch(/Amethyst Crystal Cluster/);
    for (const p of list) expect(p.nameEn).toMatch(/\b(amethyst|crystals?|clusters?)\b/i);
    expect(r.body.data.content[0]).toMatchObject({ keyWord: 'amethyst crystal cluster', keyWordOld: 'amethyst crystal cluster' });
    expect(r.body.data.content[0].relatedCategoryList[0]).toHaveProperty('categoryName');
    const partial = await call(s, 'GET', '/product/listV2', { token, query: { keyWord: 'amethys' } });
    expect(partial.body.data.totalRecords).toBe(0);
    const plural = await call(s, 'GET', '/product/listV2', { token, query: { keyWord: 'tarot cards', size: 5 } });
    expect(plural.body.data.totalRecords).toBeGreaterThan(0);
  });

  it('filters by category, price range and country, sorts by price, and honours features', async () => {
    const cheap = await call(s, 'GET', '/product/listV2', { token, query: { startSellPrice: '2.00', endSellPrice: '5.00', orderBy: 2, sort: 'asc', size: 100 } });
    const prices = cheap.body.data.content[0].productList.map((p: Json) => Number(String(p.sellPrice).split('-')[0]));
    expect(prices.length).toBeGreaterThan(0);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    for (const price of prices) expect(price).toBeGreaterThanOrEqual(2);
    const us = await call(s, 'GET', '/product/listV2', { token, query: { countryCode: 'US', size: 5 } });
    expect(us.body.data.totalRecords).toBeGreaterThan(0);
    expect(us.body.data.totalRecords).toBeLessThan(cheap.body.data.totalRecords + 2400);
    const one = us.body.data.content[0].productList[0];
    const byCategory = await call(s, 'GET', '/product/listV2', { token, query: { categoryId: one.categoryId, size: 100, features: 'enable_category,enable_description' } });
    for (const p of byCategory.body.data.content[0].productList) {
      expect(p.categoryId).toBe(one.categoryId);
      expect(p.threeCategoryName).toEqual(expect.any(String));
      expect(p.oneCategoryName).toEqual(expect.any(String));
      expect(p.description).toContain('<p>');
    }
  });

  it('excludes delisted products; v1 product/list still returns them and ignores unknown parameters', async () => {
    const delisted = s.control.listProducts({ status: 'delisted' })[0]!;
    const search = await call(s, 'GET', '/product/listV2', { token, query: { keyWord: delisted.sku } });
    expect(search.body.data.totalRecords).toBe(0);
    const v1 = await call(s, 'GET', '/product/list', { token, query: { pid: delisted.pid } });
    expect(v1.body.data).toMatchObject({ pageNum: 1, pageSize: 20, total: 1 });
    expect(v1.body.data.list[0]).toMatchObject({ pid: delisted.pid, productNameEn: delisted.nameEn, productSku: delisted.sku });
    expect(typeof v1.body.data.list[0].sellPrice).toBe('number');
    const q = await call(s, 'GET', '/product/query', { token, query: { pid: delisted.pid } });
    expect(q.body).toMatchObject({ code: 1602002, result: false });
    const plain = await call(s, 'GET', '/product/list', { token });
    const withKeyword = await call(s, 'GET', '/product/list', { token, query: { keyword: 'unicorn', keyWord: 'tarot' } });
    expect(withKeyword.body.data.list.map((p: Json) => p.pid)).toEqual(plain.body.data.list.map((p: Json) => p.pid));
  });
});

describe('product/query, variants, stock', () => {
  it('uses pid/productNameEn/productImage, string weight, JSON-array productName, and variant details', async () => {
    const p = s.control.listProducts({ status: 'listed', inStock: true }).find((x) => x.variants.length > 2)!;
    const r = await call(s, 'GET', '/product/query', { token, query: { pid: p.pid, features: 'enable_inventory' } });
    const d = r.body.data;
    expect(d).toMatchObject({ pid: p.pid, productNameEn: p.nameEn, productSku: p.sku, status: '3' });
    expect(d).not.toHaveProperty('id');
    expect(d).not.toHaveProperty('nameEn');
    expect(d.productWeight).toMatch(/^\d+\.0$/);
    expect(JSON.parse(d.productName)).toEqual(p.nameCn);
    expect(d.productImageSet).toHaveLength(p.imageCount);
    expect(typeof d.sellPrice).toBe('string');
    expect(d.variants).toHaveLength(p.variants.length);
    const v = d.variants[0];
    expect(Object.keys(v)).toEqual(expect.arrayContaining(['vid', 'variantNameEn', 'variantSku', 'variantKey', 'variantLength', 'variantWidth', 'variantHeight', 'variantVolume', 'variantWeight', 'variantSellPrice', 'inventories']));
    expect(v.variantVolume).toBe(v.variantLength * v.variantWidth * v.variantHeight);
    expect(r.text).toMatch(/"variantSellPrice":\d+\.\d{2}[,}]/);
    expect(v.inventories[0].stock[0].stockId).toMatch(/^\{[0-9A-F-]{36}\}$/);
    const bySku = await call(s, 'GET', '/product/query', { token, query: { variantSku: p.variants[1]!.sku } });
    expect(bySku.body.data.pid).toBe(p.pid);
    expect((await call(s, 'GET', '/product/query', { token })).body.code).toBe(1600300);
    expect((await call(s, 'GET', '/product/query', { token, query: { pid: 'nope' } })).body.code).toBe(1602001);
  });

  it('prints variantKey plain ("Purple-S") for most products and as a JSON array for some', () => {
    const keys = s.control.listProducts({ status: 'all' }).flatMap((p) => p.variants.map((v) => v.key));
    expect(keys.some((k) => k.startsWith('["'))).toBe(true);
    expect(keys.some((k) => /^[A-Z][a-z]+-/.test(k))).toBe(true);
  });

  it('answers variant/query, variant/queryByVid and the three stock endpoints in their own shapes', async () => {
    const p = s.control.listProducts({ status: 'listed', inStock: true })[0]!;
    const vid = p.variants[0]!.vid;
    const variants = await call(s, 'GET', '/product/variant/query', { token, query: { pid: p.pid } });
    expect(variants.body.data.map((v: Json) => v.vid)).toEqual(p.variants.map((v) => v.vid));
    const one = await call(s, 'GET', '/product/variant/queryByVid', { token, query: { vid, features: 'enable_inventory' } });
    expect(one.body.data).toMatchObject({ vid, pid: p.pid });
    expect(one.body.data.inventories.length).toBeGreaterThan(0);
    const byVid = await call(s, 'GET', '/product/stock/queryByVid', { token, query: { vid } });
    expect(byVid.body.data[0]).toMatchObject({ vid, areaId: '1', areaEn: 'China Warehouse', countryCode: 'CN' });
    expect(byVid.body.data[0].totalInventoryNum).toBe(p.variants[0]!.stock.find((a) => a.countryCode === 'CN')!.total);
    const bySpu = await call(s, 'GET', '/product/stock/queryBySku', { token, query: { sku: p.sku } });
    expect(bySpu.body).toMatchObject({ code: 200, success: true });
    expect(bySpu.body.data[0]).toMatchObject({ areaId: 1, countryCode: 'CN' });
    expect(bySpu.body.data[0].totalInventoryNum).toBe(p.variants.reduce((sum, v) => sum + (v.stock.find((a) => a.countryCode === 'CN')?.total ?? 0), 0));
    const byPid = await call(s, 'GET', '/product/stock/getInventoryByPid', { token, query: { pid: p.pid } });
    expect(byPid.body.data.variantInventories).toHaveLength(p.variants.length);
    // A stockId in braces is the same warehouse as warehouse/detail's 32-hex id.
    const stockId: string = byVid.body.data[0].stock[0].stockId;
    const detail = await call(s, 'GET', '/warehouse/detail', { token, query: { id: stockId.slice(1, -1).replace(/-/g, '').toLowerCase() } });
    expect(detail.body).toMatchObject({ code: 200, success: true, data: { areaCountryCode: 'CN', areaId: 1 } });
    expect((await call(s, 'GET', '/warehouse/detail', { token, query: { id: 'deadbeef' } })).body).toMatchObject({ code: 1608001, success: false });
  });

  it('serves a three-level category tree that contains every product category', async () => {
    const r = await call(s, 'GET', '/product/getCategory', { token });
    const ids = new Set<string>();
    for (const first of r.body.data) for (const second of first.categoryFirstList) for (const third of second.categorySecondList) ids.add(third.categoryId);
    for (const p of s.control.listProducts({ limit: 200 })) expect(ids).toContain(p.categoryId);
    expect([...ids][0]).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-/);
  });

  it('serves its own product images as PNG', async () => {
    const p = s.control.listProducts({ status: 'listed' })[3]!;
    const list = await call(s, 'GET', '/product/listV2', { token, query: { keyWord: p.sku } });
    const url: string = list.body.data.content[0].productList[0].bigImage;
    expect(url.startsWith(s.url)).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(120);
    const idat = png.indexOf('IDAT');
    expect(inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4))).length).toBe((120 * 3 + 1) * 120);
    expect((await fetch(`${s.url}/images/${p.pid}/99.png`)).status).toBe(404);
  });

  it('pages reviews with string paging fields and a score filter', async () => {
    const p = s.control.listProducts({ status: 'listed' }).find(() => true)!;
    let pid = p.pid;
    let total = 0;
    for (const x of s.control.listProducts({ status: 'listed', limit: 50 })) {
      const r = await call(s, 'GET', '/product/productComments', { token, query: { pid: x.pid, pageSize: 2 } });
      total = Number(r.body.data.total);
      if (total > 4) {
        pid = x.pid;
        expect(r.body.data.list).toHaveLength(2);
        expect(r.body.data.pageSize).toBe('2');
        expect(typeof r.body.data.list[0].commentId).toBe('string'); // > 2^53, parsed big-int safe
        expect(r.body.data.list[0].score).toMatch(/^[1-5]$/);
        break;
      }
    }
    expect(total).toBeGreaterThan(4);
    const fives = await call(s, 'GET', '/product/productComments', { token, query: { pid, score: 5, pageSize: 100 } });
    for (const c of fives.body.data.list) expect(c.score).toBe('5');
    const old = await call(s, 'GET', '/product/comments', { token, query: { pid } });
    expect(old.body).toMatchObject({ success: true, code: 0 });
  });
});
