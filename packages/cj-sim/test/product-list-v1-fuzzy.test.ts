// v1 product/list's productNameEn is a fuzzy search, as CJ documents it (cj-api.md §6.2 "EN
// fuzzy"): every word of the query, in any order, a part of a word being enough — not the phrase.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../src/index.js';
import { call, login, sim, type Json } from './helpers.js';

let s: RunningSimulator;
let token: string;

beforeAll(async () => {
  s = await sim({ catalogueSize: 1200 });
  token = await login(s);
});
afterAll(() => s.close());

async function v1Names(productNameEn: string): Promise<string[]> {
  const r = await call(s, 'GET', '/product/list', { token, query: { productNameEn, pageSize: 200 } });
  expect(r.body.code).toBe(200);
  expect(r.body.data.total).toBeLessThanOrEqual(200); // one page holds them all, so the test sees every hit
  return r.body.data.list.map((p: Json) => p.productNameEn as string);
}

const all = () => s.control.listProducts({ status: 'all' });

describe('product/list (v1) productNameEn', () => {
  it('finds the words in any order and in the plural, where a phrase match finds nothing', async () => {
    const target = all().find((p) => /\bamethyst\b/i.test(p.nameEn) && /\bstretch\b/i.test(p.nameEn) && /\bbracelet\b/i.test(p.nameEn));
    expect(target, 'the seeded catalogue has a stretch amethyst bracelet').toBeDefined();
    const query = 'Stretch Amethyst Bracelets';
    expect(all().some((p) => p.nameEn.toLowerCase().includes(query.toLowerCase())), 'no name holds the query as typed').toBe(false);
    const names = await v1Names(query);
    expect(names).toContain(target!.nameEn);
    // Exactly the products that name the three words, whatever their order and place.
    const expected = all().filter((p) => /amethyst/i.test(p.nameEn) && /stretch/i.test(p.nameEn) && /bracelet/i.test(p.nameEn)).map((p) => p.nameEn);
    expect(expected.length).toBeGreaterThan(1);
    expect(new Set(names)).toEqual(new Set(expected));
  });

  it('matches part of a word, ignores case and stop words, and needs every word', async () => {
    const partial = await v1Names('AMETH');
    expect(partial.length).toBeGreaterThan(0);
    expect(new Set(partial)).toEqual(new Set(all().filter((p) => /ameth/i.test(p.nameEn)).map((p) => p.nameEn)));
    expect(new Set(await v1Names('the amethyst'))).toEqual(new Set(await v1Names('amethyst')));
    expect(await v1Names('amethyst zzqx')).toEqual([]);
  });

  it('still pages and counts the fuzzy hits like any v1 list', async () => {
    const r = await call(s, 'GET', '/product/list', { token, query: { productNameEn: 'crystal', pageSize: 5, pageNum: 2 } });
    const total = all().filter((p) => /crystal/i.test(p.nameEn)).length;
    expect(r.body.data).toMatchObject({ pageNum: 2, pageSize: 5, total });
    expect(r.body.data.list).toHaveLength(Math.min(5, Math.max(0, total - 5)));
  });
});
