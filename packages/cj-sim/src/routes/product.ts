// product/*: listV2 (search), list (v1, with its quirks), query, variants, categories, comments,
// warehouses, "my products".
import { CATEGORY_BY_ID, categoryTreePayload } from '../catalogue/categories.js';
import { commentsFor } from '../catalogue/comments.js';
import { areaTotals } from '../catalogue/generator.js';
import { imageUrl, listV2Item, queryProduct, v1ListItem, variantView, variantsFor } from '../catalogue/present.js';
import { fuzzyNameMatch, fuzzyTerms } from '../catalogue/fuzzy-name.js';
import { search, type OrderBy } from '../catalogue/search.js';
import type { Product } from '../catalogue/types.js';
import { AREAS } from '../catalogue/warehouses.js';
import { formatCst } from '../clock.js';
import { CjError, Codes, paramError } from '../errors.js';
import { rawNumber } from '../json.js';
import { COUNTRIES } from '../logistics/countries.js';
import { freightOptions } from '../logistics/freight.js';
import { formatCents, formatPriceRange } from '../money.js';
import { Body, type Query } from '../params.js';
import type { SimState } from '../state.js';
import { accountOf, route, type RouteContext, type RouteDef } from './types.js';

/** The product a query names by pid, productSku (SPU) or variantSku. */
function productFor(state: SimState, q: Query): Product {
  const pid = q.string('pid');
  const productSku = q.string('productSku');
  const variantSku = q.string('variantSku');
  if (pid === undefined && productSku === undefined && variantSku === undefined) throw paramError('pid, productSku or variantSku must be not empty');
  const c = state.catalogue;
  const product =
    pid !== undefined
      ? c.byPid.get(pid)
      : productSku !== undefined
        ? c.bySpu.get(productSku.toUpperCase())
        : c.byPid.get(c.byVariantSku.get((variantSku ?? '').toUpperCase())?.pid ?? '');
  if (!product) throw new CjError(Codes.productNotFound, 'Product not found');
  return product;
}

/** listV2's productType is an int (4 supplier, 10 video, 11 non-video); CJ's MCP sends names such as SUPPLIER_PRODUCT. */
function productTypeFilter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'SUPPLIER_PRODUCT') return 4;
  if (value === 'ORDINARY_PRODUCT') return undefined;
  throw paramError(`productType must be 4, 10 or 11, got '${value}'`);
}

function listV2(ctx: RouteContext): unknown {
  const q = ctx.query;
  const page = q.int('page', { min: 1, max: 1000, default: 1 });
  const size = q.int('size', { min: 1, max: 100, default: 10 });
  const orderBy = q.int('orderBy', { min: 0, max: 4, default: 0 }) as OrderBy;
  const sort = q.string('sort') ?? 'desc';
  if (sort !== 'asc' && sort !== 'desc') throw paramError(`sort must be asc or desc, got '${sort}'`);
  const features = new Set(q.list('features'));
  const keyWord = q.string('keyWord');
  const countryCode = q.string('countryCode')?.toUpperCase();
  const hits = search(
    ctx.state.catalogue.products,
    {
      keyWord,
      categoryId: q.string('categoryId'),
      lv2: q.list('lv2categoryList'),
      lv3: q.list('lv3categoryList'),
      countryCode,
      minPriceCents: q.cents('startSellPrice'),
      maxPriceCents: q.cents('endSellPrice'),
      addMarkStatus: q.int('addMarkStatus', { min: 0, max: 1 }),
      productType: productTypeFilter(q.string('productType')),
      startInventory: q.int('startWarehouseInventory', { min: 0 }),
      endInventory: q.int('endWarehouseInventory', { min: 0 }),
      verifiedWarehouse: q.int('verifiedWarehouse', { min: 0, max: 2 }),
      timeStart: q.int('timeStart', { min: 0 }),
      timeEnd: q.int('timeEnd', { min: 0 }),
      supplierId: q.string('supplierId'),
      customization: q.int('customization', { min: 0, max: 1 }),
    },
    orderBy,
    sort,
  );
  const account = accountOf(ctx);
  const slice = hits.slice((page - 1) * size, page * size);
  const related = new Map<string, number>();
  if (keyWord) for (const h of hits.slice(0, 200)) related.set(h.product.categoryId, (related.get(h.product.categoryId) ?? 0) + 1);
  return {
    pageSize: size,
    pageNumber: page,
    totalRecords: hits.length,
    totalPages: Math.ceil(hits.length / size),
    content: [
      {
        productList: slice.map((h) => listV2Item(h.product, ctx.base, features, account.myProducts.has(h.product.pid))),
        relatedCategoryList: [...related]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, 5)
          .map(([id]) => ({ categoryId: id, categoryName: CATEGORY_BY_ID.get(id)?.name ?? '' })),
        keyWord: keyWord === undefined ? null : keyWord.toLowerCase(),
        keyWordOld: keyWord ?? null,
      },
    ],
  };
}

/**
 * v1 product/list. Its quirks are kept on purpose (cj-api.md §9.8): unknown parameters (keyword,
 * keyWord…) are silently ignored — "the same 20 products for every search" — and delisted
 * products are returned too. pageSize above 200 is clamped to 200. `productNameEn` is the fuzzy
 * search CJ documents (every word, any order, part of a word is enough), not a phrase match.
 */
function listV1(ctx: RouteContext): unknown {
  const q = ctx.query;
  const pageNum = q.int('pageNum', { min: 1, default: 1 });
  const pageSize = Math.min(200, q.int('pageSize', { min: 1, default: 20 }));
  const categoryId = q.string('categoryId');
  const pid = q.string('pid');
  const productSku = q.string('productSku')?.toUpperCase();
  const nameCn = q.string('productName');
  const nameEn = q.string('productNameEn');
  const nameTerms = nameEn === undefined ? undefined : fuzzyTerms(nameEn);
  const productType = q.string('productType');
  const countryCode = q.string('countryCode')?.toUpperCase();
  const minPrice = q.cents('minPrice');
  const maxPrice = q.cents('maxPrice');
  const orderBy = q.string('orderBy') === 'listedNum' ? 'listedNum' : 'createAt';
  const asc = q.string('sort') === 'asc';
  const rows = ctx.state.catalogue.products.filter((p) => {
    const price = Math.min(...p.variants.map((v) => v.priceCents));
    return (
      (categoryId === undefined || p.categoryId === categoryId) &&
      (pid === undefined || p.pid === pid) &&
      (productSku === undefined || p.sku.toUpperCase() === productSku) &&
      (nameCn === undefined || p.nameCn.some((n) => n.includes(nameCn))) &&
      (nameTerms === undefined || fuzzyNameMatch(p.nameEn, nameTerms)) &&
      (productType === undefined || p.productType === productType) &&
      (countryCode === undefined || p.variants.some((v) => v.stock.some((a) => a.countryCode === countryCode && areaTotals(a).total > 0))) &&
      (minPrice === undefined || price >= minPrice) &&
      (maxPrice === undefined || price <= maxPrice)
    );
  });
  rows.sort((a, b) => (asc ? 1 : -1) * (orderBy === 'listedNum' ? a.listedNum - b.listedNum : a.createAt - b.createAt) || (a.pid < b.pid ? -1 : 1));
  return { pageNum, pageSize, total: rows.length, list: rows.slice((pageNum - 1) * pageSize, pageNum * pageSize).map((p) => v1ListItem(p, ctx.base)) };
}

function comments(ctx: RouteContext): unknown {
  const q = ctx.query;
  const pid = q.requireString('pid');
  const score = q.int('score', { min: 1, max: 5 });
  const pageNum = q.int('pageNum', { min: 1, default: 1 });
  const pageSize = q.int('pageSize', { min: 1, max: 100, default: 20 });
  const product = ctx.state.catalogue.byPid.get(pid);
  const all = product ? commentsFor(ctx.state.opts.seed, product, ctx.state.opts.catalogueEpoch).filter((c) => score === undefined || c.score === score) : [];
  // Paging fields are strings and commentId is a bare 19-digit number, as CJ sends them.
  return {
    pageNum: String(pageNum),
    pageSize: String(pageSize),
    total: String(all.length),
    list: all.slice((pageNum - 1) * pageSize, pageNum * pageSize).map((c) => ({
      commentId: rawNumber(c.commentId),
      pid: c.pid,
      comment: c.comment,
      commentDate: formatCst(c.commentDate),
      commentUser: c.commentUser,
      score: String(c.score),
      commentUrls: c.images.map((n) => imageUrl(ctx.base, c.pid, n)),
      countryCode: c.countryCode,
      flagIconUrl: `${ctx.base}/images/flags/${c.countryCode}.png`,
    })),
  };
}

function myProducts(ctx: RouteContext): unknown {
  const q = ctx.query;
  const account = accountOf(ctx);
  const keyword = q.string('keyword')?.toLowerCase();
  const categoryId = q.string('categoryId');
  const pageNum = q.int('pageNum', { min: 1, default: 1 });
  const pageSize = q.int('pageSize', { min: 1, max: 200, default: 10 });
  const us = COUNTRIES.get('US');
  const rows = [...account.myProducts]
    .map(([pid, addedAt]) => ({ product: ctx.state.catalogue.byPid.get(pid), addedAt }))
    .filter((r): r is { product: Product; addedAt: number } => r.product !== undefined)
    .filter(({ product: p }) => (keyword === undefined || p.nameEn.toLowerCase().includes(keyword) || p.sku.toLowerCase().includes(keyword) || p.variants.some((v) => v.sku.toLowerCase().includes(keyword))) && (categoryId === undefined || p.categoryId === categoryId))
    .sort((a, b) => b.addedAt - a.addedAt);
  return {
    pageSize,
    pageNumber: pageNum,
    totalRecords: rows.length,
    totalPages: Math.ceil(rows.length / pageSize),
    content: rows.slice((pageNum - 1) * pageSize, pageNum * pageSize).map(({ product: p, addedAt }) => {
      const v = p.variants[0];
      const option = v && us ? freightOptions('CN', us, [{ weightG: v.weightG, quantity: 1, prop: p.prop }])[0] : undefined;
      const freight = option?.priceCents ?? 0;
      const price = Math.min(...p.variants.map((x) => x.priceCents));
      return {
        productId: p.pid,
        packWeight: `${p.packWeightG}.0`,
        weight: `${p.weightG}.0`,
        productType: '0',
        propertyKeyList: [p.prop],
        bigImage: imageUrl(ctx.base, p.pid, 1),
        nameEn: p.nameEn,
        sku: p.sku,
        hasPacked: 0,
        sellPrice: formatPriceRange(p.variants.map((x) => x.priceCents)),
        discountPrice: null,
        discountPriceRate: null,
        defaultArea: 'China Warehouse',
        shopMethod: option?.logisticName ?? null,
        trialFreight: formatCents(freight),
        totalPrice: formatCents(price + freight),
        listedShopNum: '0',
        vid: v?.vid ?? null,
        areaId: '1',
        areaCountryCode: 'CN',
        freightDiscount: '0',
        createAt: addedAt,
        lengthList: p.variants.map((x) => x.lengthMm),
        heightList: p.variants.map((x) => x.heightMm),
        widthList: p.variants.map((x) => x.widthMm),
        volumeList: p.variants.map((x) => x.lengthMm * x.widthMm * x.heightMm),
        hasVirPacked: 0,
      };
    }),
  };
}

export const productRoutes: RouteDef[] = [
  route({ method: 'GET', path: '/product/getCategory', auth: 'token', body: 'none', envelope: 'standard', handler: () => categoryTreePayload() }),
  route({ method: 'GET', path: '/product/listV2', auth: 'token', body: 'none', envelope: 'standard', handler: listV2 }),
  route({ method: 'GET', path: '/product/list', auth: 'token', body: 'none', envelope: 'standard', handler: listV1 }),
  route({
    method: 'GET',
    path: '/product/query',
    auth: 'token',
    body: 'none',
    envelope: 'standard',
    handler: (ctx) => {
      const product = productFor(ctx.state, ctx.query);
      if (product.status !== 3) throw new CjError(Codes.productRemoved, 'Product has been removed from shelves');
      return queryProduct(product, ctx.base, new Set(ctx.query.list('features')), ctx.query.string('countryCode')?.toUpperCase());
    },
  }),
  route({
    method: 'GET',
    path: '/product/variant/query',
    auth: 'token',
    body: 'none',
    envelope: 'standard',
    handler: (ctx) => {
      const product = productFor(ctx.state, ctx.query);
      if (product.status !== 3) throw new CjError(Codes.variantRemoved, 'Variant has been removed from shelves');
      return variantsFor(product, ctx.base, ctx.query.string('countryCode')?.toUpperCase());
    },
  }),
  route({
    method: 'GET',
    path: '/product/variant/queryByVid',
    auth: 'token',
    body: 'none',
    envelope: 'standard',
    handler: (ctx) => {
      const vid = ctx.query.requireString('vid');
      const variant = ctx.state.catalogue.byVid.get(vid);
      if (!variant) throw new CjError(Codes.variantNotFound, 'Variant not found');
      if (variant.status !== 1) throw new CjError(Codes.variantRemoved, 'Variant has been removed from shelves');
      return variantView(variant, ctx.base, ctx.query.list('features').includes('enable_inventory'));
    },
  }),
  route({ method: 'GET', path: '/product/productComments', auth: 'token', body: 'none', envelope: 'code0', handler: comments }),
  // Deprecated on 2024-06-01 in favour of productComments, still answered with the same shape.
  route({ method: 'GET', path: '/product/comments', auth: 'token', body: 'none', envelope: 'code0', handler: comments }),
  route({
    method: 'GET',
    path: '/product/globalWarehouseList',
    auth: 'token',
    body: 'none',
    envelope: 'success-no-result',
    handler: () =>
      AREAS.map((a) => ({ areaCn: a.areaCn, areaEn: a.areaEn, areaId: a.areaId, countryCode: a.countryCode, nameEn: a.nameEn, valueEn: a.countryCode, disabled: false, zh: a.areaCn, en: a.areaEn, de: a.de, fr: a.fr, th: a.th, id: String(a.areaId) })),
  }),
  route({
    method: 'POST',
    path: '/product/addToMyProduct',
    auth: 'token',
    body: 'json',
    envelope: 'standard+success',
    handler: (ctx) => {
      const productId = Body.of(ctx.body).requireString('productId', { max: 100 });
      const product = ctx.state.catalogue.byPid.get(productId);
      if (!product) throw new CjError(Codes.productNotFound, 'Product not found');
      if (product.status !== 3) throw new CjError(Codes.productRemoved, 'Product has been removed from shelves');
      const account = accountOf(ctx);
      if (account.myProducts.has(productId)) throw new CjError(Codes.systemBusy, 'The product has been added to My Products.');
      account.myProducts.set(productId, ctx.state.clock.now());
      return true;
    },
  }),
  route({ method: 'GET', path: '/product/myProduct/query', auth: 'token', body: 'none', envelope: 'standard+success', handler: myProducts }),
];
