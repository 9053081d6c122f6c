// Renders catalogue data into CJ's response shapes. The shapes differ per endpoint on purpose
// (cj-api.md §9.7): listV2 says id/nameEn/bigImage/sellPrice-as-string, product/query and v1 list
// say pid/productNameEn/productImage. Types follow CJ's samples: prices and weights as strings
// where CJ sends strings, BigDecimal money as bare numbers with two decimals.
import { formatIsoUtcMillis, formatCst } from '../clock.js';
import { moneyNumber, rawNumber } from '../json.js';
import { formatCents, formatPriceRange } from '../money.js';
import { CATEGORY_BY_ID } from './categories.js';
import { areaTotals } from './generator.js';
import type { AreaStock, Product, Variant } from './types.js';
import { AREA_BY_COUNTRY } from './warehouses.js';
import { COUNTRIES } from '../logistics/countries.js';

export function imageUrl(base: string, pid: string, n: number): string {
  return `${base}/images/${pid}/${n}.png`;
}

function grams(g: number): string {
  return `${g}.0`;
}

function priceList(p: Product): number[] {
  return p.variants.map((v) => v.priceCents);
}

function category(p: Product) {
  const c = CATEGORY_BY_ID.get(p.categoryId);
  if (!c) throw new Error(`product ${p.pid} has unknown category ${p.categoryId}`);
  return c;
}

function totals(p: Product): { total: number; cj: number; factory: number } {
  let cj = 0;
  let factory = 0;
  for (const v of p.variants) {
    for (const a of v.stock) {
      const t = areaTotals(a);
      cj += t.cj;
      factory += t.factory;
    }
  }
  return { total: cj + factory, cj, factory };
}

export function description(p: Product, base: string): string {
  return p.descriptionHtml.replaceAll('{{BASE}}', base);
}

/** One item of listV2's content[0].productList. */
export function listV2Item(p: Product, base: string, features: ReadonlySet<string>, inMyProducts: boolean): Record<string, unknown> {
  const c = category(p);
  const t = totals(p);
  const withCategory = features.has('enable_category');
  const price = formatPriceRange(priceList(p));
  return {
    id: p.pid,
    nameEn: p.nameEn,
    sku: p.sku,
    spu: p.sku,
    bigImage: imageUrl(base, p.pid, 1),
    sellPrice: price,
    nowPrice: price,
    discountPrice: null,
    discountPriceRate: null,
    listedNum: p.listedNum,
    categoryId: c.id,
    threeCategoryName: withCategory ? c.name : null,
    twoCategoryId: c.second.id,
    twoCategoryName: withCategory ? c.second.name : null,
    oneCategoryId: c.first.id,
    oneCategoryName: withCategory ? c.first.name : null,
    addMarkStatus: p.addMarkStatus,
    isVideo: 0,
    videoList: [],
    productType: p.productType,
    supplierName: p.supplierName,
    createAt: p.createAt,
    warehouseInventoryNum: t.total,
    totalVerifiedInventory: t.cj,
    totalUnVerifiedInventory: t.factory,
    verifiedWarehouse: t.cj > 0 ? 1 : 2,
    customization: 0,
    hasCECertification: 0,
    isCollect: 0,
    myProduct: inMyProducts,
    description: features.has('enable_description') ? description(p, base) : null,
    deliveryCycle: p.deliveryCycle,
    saleStatus: '3',
    authorityStatus: '1',
    isPersonalized: 0,
  };
}

/** One item of the v1 product/list page. */
export function v1ListItem(p: Product, base: string): Record<string, unknown> {
  const c = category(p);
  return {
    pid: p.pid,
    productName: JSON.stringify(p.nameCn),
    productNameEn: p.nameEn,
    productSku: p.sku,
    productImage: imageUrl(base, p.pid, 1),
    productWeight: p.weightG,
    productType: p.productType,
    productUnit: 'unit(s)',
    sellPrice: moneyNumber(Math.min(...priceList(p))),
    categoryId: c.id,
    categoryName: c.path,
    remark: '',
    createTime: formatCst(p.createAt),
    isFreeShipping: p.addMarkStatus === 1,
    addMarkStatus: p.addMarkStatus,
    listedNum: p.listedNum,
    supplierName: p.supplierName,
    supplierId: p.supplierId,
    isVideo: 0,
    saleStatus: p.status,
    customizationVersion: 0,
  };
}

/** inventories[] of a variant: per country, with sub-warehouse `stock[]` ("{UUID}" stockIds). */
export function variantInventories(v: Variant): Array<Record<string, unknown>> {
  return v.stock.map((a) => {
    const t = areaTotals(a);
    return {
      countryCode: a.countryCode,
      totalInventory: t.total,
      cjInventory: t.cj,
      factoryInventory: t.factory,
      verifiedWarehouse: t.cj > 0 ? 1 : 2,
      stock: a.subs.map((s) => ({ stockId: s.stockId, inventory: s.cj, factoryInventory: s.factory })),
    };
  });
}

export function variantView(v: Variant, base: string, withInventory: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    vid: v.vid,
    pid: v.pid,
    variantName: null,
    variantNameEn: v.nameEn,
    variantSku: v.sku,
    variantImage: imageUrl(base, v.pid, v.image),
    variantUnit: null,
    variantProperty: null,
    variantKey: v.key,
    variantStandard: `long=${Math.round(v.lengthMm / 10)},width=${Math.round(v.widthMm / 10)},height=${Math.round(v.heightMm / 10)}`,
    variantLength: v.lengthMm,
    variantWidth: v.widthMm,
    variantHeight: v.heightMm,
    variantVolume: v.lengthMm * v.widthMm * v.heightMm,
    variantWeight: rawNumber(`${v.weightG}.00`),
    variantSellPrice: moneyNumber(v.priceCents),
    variantSugSellPrice: moneyNumber(v.suggestCents),
    createTime: formatIsoUtcMillis(v.createTime),
    combineNum: null,
    combineVariants: [],
  };
  if (withInventory) out.inventories = variantInventories(v);
  return out;
}

function hasStockIn(v: Variant, countryCode: string | undefined): boolean {
  return countryCode === undefined || v.stock.some((a) => a.countryCode === countryCode && areaTotals(a).total > 0);
}

/** The product/query payload. */
export function queryProduct(p: Product, base: string, features: ReadonlySet<string>, countryCode: string | undefined): Record<string, unknown> {
  const c = category(p);
  const prices = priceList(p);
  return {
    pid: p.pid,
    productName: JSON.stringify(p.nameCn),
    productNameEn: p.nameEn,
    productSku: p.sku,
    productImage: imageUrl(base, p.pid, 1),
    productImageSet: Array.from({ length: p.imageCount }, (_, i) => imageUrl(base, p.pid, i + 1)),
    productWeight: grams(p.weightG),
    productUnit: 'unit(s)',
    productType: p.productType,
    categoryId: c.id,
    categoryName: c.path,
    entryCode: p.entryCode,
    entryName: p.entryNameCn,
    entryNameEn: p.entryNameEn,
    materialName: JSON.stringify(['', p.material.cn]),
    materialNameEn: JSON.stringify(['', p.material.en]),
    materialKey: JSON.stringify([p.material.key]),
    packingWeight: grams(p.packWeightG),
    packingName: p.packing.cn,
    packingNameEn: p.packing.en,
    packingKey: p.packing.key,
    productKey: JSON.stringify(p.productKeyCn.split('-')),
    productKeyEn: p.productKeyEn,
    productPro: JSON.stringify([p.prop === 'COMMON' ? '普货' : p.prop === 'LIQUID' ? '液体' : p.prop === 'ELECTRONIC' ? '带电' : p.prop === 'MAGNET' ? '带磁' : '粉末']),
    productProSet: [p.prop === 'COMMON' ? '普货' : p.prop === 'LIQUID' ? '液体' : p.prop === 'ELECTRONIC' ? '带电' : p.prop === 'MAGNET' ? '带磁' : '粉末'],
    productProEn: JSON.stringify([p.prop]),
    productProEnSet: [p.prop],
    sellPrice: formatPriceRange(prices),
    description: description(p, base),
    suggestSellPrice: formatPriceRange(p.variants.map((v) => v.suggestCents)),
    listedNum: p.listedNum,
    status: String(p.status),
    supplierName: p.supplierName,
    supplierId: p.supplierId,
    customizationVersion: 0,
    customizationJson1: '',
    customizationJson2: '',
    customizationJson3: '',
    customizationJson4: '',
    productVideo: features.has('enable_video') ? [] : null,
    addMarkStatus: p.addMarkStatus,
    createrTime: formatCst(p.createAt),
    variants: p.variants.filter((v) => hasStockIn(v, countryCode)).map((v) => variantView(v, base, features.has('enable_inventory'))),
  };
}

export function variantsFor(p: Product, base: string, countryCode: string | undefined): Array<Record<string, unknown>> {
  return p.variants.filter((v) => hasStockIn(v, countryCode)).map((v) => variantView(v, base, false));
}

function areaOf(a: AreaStock) {
  const area = AREA_BY_COUNTRY.get(a.countryCode);
  if (!area) throw new Error(`unknown area ${a.countryCode}`);
  return area;
}

/** stock/queryByVid rows: areaId as a string ("1"), as CJ's sample prints it. */
export function stockByVidRows(v: Variant): Array<Record<string, unknown>> {
  return v.stock.map((a) => {
    const area = areaOf(a);
    const t = areaTotals(a);
    return {
      vid: v.vid,
      areaId: String(area.areaId),
      areaEn: area.areaEn,
      countryCode: a.countryCode,
      storageNum: t.total,
      totalInventoryNum: t.total,
      cjInventoryNum: t.cj,
      factoryInventoryNum: t.factory,
      stock: a.subs.map((s) => ({ stockId: s.stockId, inventory: s.cj, factoryInventory: s.factory })),
    };
  });
}

/** Sums areas over several variants (an SPU), keeping the sub-warehouse split. */
function aggregate(variants: readonly Variant[]): AreaStock[] {
  const byCountry = new Map<string, AreaStock>();
  for (const v of variants) {
    for (const a of v.stock) {
      const acc = byCountry.get(a.countryCode) ?? { countryCode: a.countryCode, subs: a.subs.map((s) => ({ ...s, cj: 0, factory: 0 })) };
      byCountry.set(a.countryCode, acc);
      a.subs.forEach((s, i) => {
        const target = acc.subs[i];
        if (target) {
          target.cj += s.cj;
          target.factory += s.factory;
        }
      });
    }
  }
  return [...byCountry.values()];
}

/** stock/queryBySku rows: areaId as a number, countryNameEn as the country's name. */
export function stockBySkuRows(variants: readonly Variant[]): Array<Record<string, unknown>> {
  return aggregate(variants).map((a) => {
    const area = areaOf(a);
    const t = areaTotals(a);
    return {
      areaEn: area.areaEn,
      areaId: area.areaId,
      countryCode: a.countryCode,
      totalInventoryNum: t.total,
      cjInventoryNum: t.cj,
      factoryInventoryNum: t.factory,
      countryNameEn: COUNTRIES.get(a.countryCode)?.nameEn ?? area.nameEn,
      stock: a.subs.map((s) => ({ stockId: s.stockId, inventory: s.cj, factoryInventory: s.factory })),
    };
  });
}

/** stock/getInventoryByPid payload. */
export function inventoryByPid(p: Product): Record<string, unknown> {
  return {
    inventories: aggregate(p.variants).map((a) => {
      const area = areaOf(a);
      const t = areaTotals(a);
      return { areaEn: area.areaEn, areaId: area.areaId, countryCode: a.countryCode, totalInventoryNum: t.total, cjInventoryNum: t.cj, factoryInventoryNum: t.factory, countryNameEn: area.areaEn };
    }),
    variantInventories: p.variants.map((v) => ({ vid: v.vid, inventory: variantInventories(v) })),
  };
}

export function priceText(cents: number): string {
  return formatCents(cents);
}
