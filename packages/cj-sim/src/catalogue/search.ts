// product/listV2's search: whole-word matching of keyWord against the English name (and exact SPU
// or variant SKU), ranked like a simple Elasticsearch "best match": more matched terms first, then
// names containing the whole phrase, then shorter (more focused) names, then a stable tie-break.
import { CATEGORY_BY_ID } from './categories.js';
import { areaTotals, productTotal } from './generator.js';
import { isStopWord, tokens } from './text.js';
import type { Product } from './types.js';

export interface SearchFilters {
  keyWord?: string;
  categoryId?: string;
  lv2: string[];
  lv3: string[];
  countryCode?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  addMarkStatus?: number;
  productType?: number;
  startInventory?: number;
  endInventory?: number;
  verifiedWarehouse?: number;
  timeStart?: number;
  timeEnd?: number;
  supplierId?: string;
  customization?: number;
}

export type OrderBy = 0 | 1 | 2 | 3 | 4;

export interface SearchHit {
  product: Product;
  score: number;
}

function minPrice(p: Product): number {
  return Math.min(...p.variants.map((v) => v.priceCents));
}

/** Scores one product against the query terms; 0 means no match. */
export function score(product: Product, terms: string[], phrase: string[], skuQuery: string | undefined): number {
  if (skuQuery !== undefined && (product.sku.toUpperCase() === skuQuery || product.variants.some((v) => v.sku.toUpperCase() === skuQuery))) return 1_000_000;
  let matched = 0;
  for (const t of terms) if (product.tokenSet.has(t)) matched++;
  if (matched === 0) return 0;
  let s = matched * 10_000;
  if (phrase.length > 1 && containsPhrase(product.tokens, phrase)) s += 5_000;
  if (matched === terms.length) s += 1_000;
  s += Math.max(0, 100 - product.tokens.length); // a focused name ranks above a stuffed one
  return s;
}

function containsPhrase(haystack: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (haystack[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

export function search(products: readonly Product[], filters: SearchFilters, orderBy: OrderBy, sort: 'asc' | 'desc'): SearchHit[] {
  const keyWord = filters.keyWord?.trim();
  const phrase = keyWord ? tokens(keyWord) : [];
  const meaningful = phrase.filter((t) => !isStopWord(t));
  const terms = [...new Set(meaningful.length > 0 ? meaningful : phrase)];
  const skuQuery = keyWord && /^[A-Za-z0-9-]+$/.test(keyWord) ? keyWord.toUpperCase() : undefined;

  const hits: SearchHit[] = [];
  for (const p of products) {
    if (p.status !== 3) continue; // delisted products are not in the search index
    if (filters.categoryId && p.categoryId !== filters.categoryId) continue;
    if (filters.lv3.length > 0 && !filters.lv3.includes(p.categoryId)) continue;
    if (filters.lv2.length > 0 && !filters.lv2.includes(secondLevelId(p))) continue;
    if (filters.countryCode && !p.variants.some((v) => v.stock.some((a) => a.countryCode === filters.countryCode && areaTotals(a).total > 0))) continue;
    const price = minPrice(p);
    if (filters.minPriceCents !== undefined && price < filters.minPriceCents) continue;
    if (filters.maxPriceCents !== undefined && price > filters.maxPriceCents) continue;
    if (filters.addMarkStatus !== undefined && p.addMarkStatus !== filters.addMarkStatus) continue;
    if (filters.productType === 4 && p.productType !== 'SUPPLIER_PRODUCT') continue;
    if (filters.productType === 10) continue; // no product in the simulated catalogue has a video
    if (filters.customization === 1) continue; // nor is customisable
    if (filters.startInventory !== undefined || filters.endInventory !== undefined) {
      const total = productTotal(p);
      if (filters.startInventory !== undefined && total < filters.startInventory) continue;
      if (filters.endInventory !== undefined && total > filters.endInventory) continue;
    }
    if (filters.verifiedWarehouse === 1 && !p.variants.some((v) => v.stock.some((a) => areaTotals(a).cj > 0))) continue;
    if (filters.verifiedWarehouse === 2 && !p.variants.some((v) => v.stock.some((a) => areaTotals(a).factory > 0))) continue;
    if (filters.timeStart !== undefined && p.createAt < filters.timeStart) continue;
    if (filters.timeEnd !== undefined && p.createAt > filters.timeEnd) continue;
    if (filters.supplierId && p.supplierId !== filters.supplierId) continue;
    const s = terms.length > 0 || skuQuery !== undefined ? score(p, terms, phrase, skuQuery) : 1;
    if (s > 0) hits.push({ product: p, score: s });
  }

  const dir = sort === 'asc' ? 1 : -1;
  const tieBreak = (a: SearchHit, b: SearchHit) => b.product.listedNum - a.product.listedNum || (a.product.pid < b.product.pid ? -1 : 1);
  const key: Record<OrderBy, (h: SearchHit) => number> = {
    0: (h) => h.score,
    1: (h) => h.product.listedNum,
    2: (h) => minPrice(h.product),
    3: (h) => h.product.createAt,
    4: (h) => productTotal(h.product),
  };
  const k = key[orderBy];
  hits.sort((a, b) => (orderBy === 0 ? k(b) - k(a) : dir * (k(a) - k(b))) || tieBreak(a, b));
  return hits;
}


function secondLevelId(p: Product): string {
  return CATEGORY_BY_ID.get(p.categoryId)?.second.id ?? '';
}
