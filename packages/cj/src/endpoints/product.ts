import { type CallOptions, type Execute, defineEndpoint } from '../endpoint.js';
import { cjBoolean, type Page } from '../schemas/primitives.js';
import {
  type CategoryRoot,
  type GlobalWarehouse,
  type MyProduct,
  type ProductComment,
  type ProductDetail,
  type ProductSearchPage,
  type ProductSummary,
  type ProductVariant,
  categoriesData,
  commentsData,
  globalWarehousesData,
  listV1Data,
  listV2Data,
  myProductsData,
  productDetailData,
  variantListData,
  variantSchema,
} from '../schemas/product.js';

// Product endpoints (cj-api.md §6.2). All reads are GET with query params; only addToMyProduct writes.

export const productEndpoints = {
  listV2: defineEndpoint<ProductSearchPage>({ path: '/product/listV2', method: 'GET', idempotent: true, auth: true, data: listV2Data }),
  list: defineEndpoint<Page<ProductSummary>>({ path: '/product/list', method: 'GET', idempotent: true, auth: true, data: listV1Data }),
  query: defineEndpoint<ProductDetail>({ path: '/product/query', method: 'GET', idempotent: true, auth: true, data: productDetailData }),
  variants: defineEndpoint<ProductVariant[]>({ path: '/product/variant/query', method: 'GET', idempotent: true, auth: true, data: variantListData }),
  variantByVid: defineEndpoint<ProductVariant>({ path: '/product/variant/queryByVid', method: 'GET', idempotent: true, auth: true, data: variantSchema }),
  categories: defineEndpoint<CategoryRoot[]>({ path: '/product/getCategory', method: 'GET', idempotent: true, auth: true, data: categoriesData }),
  comments: defineEndpoint<Page<ProductComment>>({ path: '/product/productComments', method: 'GET', idempotent: true, auth: true, data: commentsData }),
  globalWarehouses: defineEndpoint<GlobalWarehouse[]>({ path: '/product/globalWarehouseList', method: 'GET', idempotent: true, auth: true, data: globalWarehousesData }),
  addToMyProduct: defineEndpoint<boolean>({
    path: '/product/addToMyProduct',
    method: 'POST',
    idempotent: false,
    auth: true,
    data: cjBoolean,
    reconcile: 'check products.myProducts() for the productId',
  }),
  myProducts: defineEndpoint<Page<MyProduct> & { totalPages?: number | undefined }>({
    path: '/product/myProduct/query',
    method: 'GET',
    idempotent: true,
    auth: true,
    data: myProductsData,
  }),
} as const;

export type ListV2Feature = 'enable_description' | 'enable_category' | 'enable_combine' | 'enable_video';

/** GET product/listV2 params (cj-api.md §6.2). `keyWord` — not `keyword` — is the search term. */
export interface ListV2Params {
  keyWord?: string;
  /** 1–1000. */
  page?: number;
  /** 1–100. */
  size?: number;
  categoryId?: string;
  lv2categoryList?: string[];
  lv3categoryList?: string[];
  countryCode?: string;
  startSellPrice?: number | string;
  endSellPrice?: number | string;
  /** 1 = free shipping only. */
  addMarkStatus?: 0 | 1;
  productType?: number | string;
  /** 0 trending, 1 new, 2 video, 3 slow-moving. */
  productFlag?: 0 | 1 | 2 | 3;
  startWarehouseInventory?: number;
  endWarehouseInventory?: number;
  verifiedWarehouse?: 0 | 1 | 2;
  /** Epoch ms. */
  timeStart?: number;
  timeEnd?: number;
  zonePlatform?: string;
  isWarehouse?: boolean;
  sort?: 'desc' | 'asc';
  /** 0 best match, 1 listed count, 2 price, 3 create time, 4 inventory. */
  orderBy?: 0 | 1 | 2 | 3 | 4;
  features?: ListV2Feature[];
  supplierId?: string;
  hasCertification?: boolean | number;
  isSelfPickup?: boolean | number;
  customization?: boolean | number;
}

/** GET product/list (v1). The name filters are `productNameEn`/`productName` — v1 ignores `keyword` (§9.8). */
export interface ListV1Params {
  pageNum?: number;
  /** ≤ 200. */
  pageSize?: number;
  categoryId?: string;
  pid?: string;
  productSku?: string;
  productName?: string;
  productNameEn?: string;
  productType?: 'ORDINARY_PRODUCT' | 'SUPPLIER_PRODUCT';
  countryCode?: string;
  deliveryTime?: 24 | 48 | 72;
  verifiedWarehouse?: number;
  startInventory?: number;
  endInventory?: number;
  createTimeFrom?: string;
  createTimeTo?: string;
  minPrice?: number | string;
  maxPrice?: number | string;
  searchType?: 0 | 2 | 21;
  sort?: 'desc' | 'asc';
  orderBy?: 'createAt' | 'listedNum';
  isFreeShipping?: 0 | 1;
  supplierId?: string;
}

export type ProductRef = { pid: string } | { productSku: string } | { variantSku: string };

export interface ProductQueryOptions {
  features?: ('enable_combine' | 'enable_video' | 'enable_inventory')[];
  countryCode?: string;
}

export interface CommentsParams {
  pid: string;
  score?: number;
  pageNum?: number;
  pageSize?: number;
}

export interface MyProductsParams {
  keyword?: string;
  categoryId?: string;
  startAt?: string;
  endAt?: string;
  isListed?: number | boolean;
  visiable?: number | boolean;
  hasPacked?: number | boolean;
  hasVirPacked?: number | boolean;
  pageNum?: number;
  pageSize?: number;
}

function checkRange(name: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max} (CJ's limit), got ${value}`);
  }
}

export class ProductsApi {
  constructor(private readonly execute: Execute) {}

  /** Keyword search (Elasticsearch). Items are normalised: `id`→`pid`, `bigImage`→`image`, prices as ranges. */
  listV2(params: ListV2Params = {}, call?: CallOptions): Promise<ProductSearchPage> {
    checkRange('page', params.page, 1, 1000);
    checkRange('size', params.size, 1, 100);
    // CJ's own MCP sends these three comma-joined on listV2 (cj-api.md §1).
    return this.execute(productEndpoints.listV2, { query: { ...params }, commaJoin: ['lv2categoryList', 'lv3categoryList', 'features'] }, call);
  }

  /** v1 list; also returns delisted products (§9.8) — check `saleStatus` or query the product. */
  list(params: ListV1Params = {}, call?: CallOptions): Promise<Page<ProductSummary>> {
    checkRange('pageSize', params.pageSize, 1, 200);
    return this.execute(productEndpoints.list, { query: { ...params } }, call);
  }

  /** One product with its variants (`features: ['enable_inventory']` adds per-variant stock). */
  query(ref: ProductRef, opts: ProductQueryOptions = {}, call?: CallOptions): Promise<ProductDetail> {
    return this.execute(productEndpoints.query, { query: { ...ref, features: opts.features, countryCode: opts.countryCode } }, call);
  }

  /** GET product/variant/query. Prefer `{pid}`: variant SKUs are reported not to match here (§9.15). */
  variants(ref: ProductRef, opts: { countryCode?: string } = {}, call?: CallOptions): Promise<ProductVariant[]> {
    return this.execute(productEndpoints.variants, { query: { ...ref, countryCode: opts.countryCode } }, call);
  }

  variantByVid(vid: string, opts: { features?: 'enable_inventory'[] } = {}, call?: CallOptions): Promise<ProductVariant> {
    return this.execute(productEndpoints.variantByVid, { query: { vid, features: opts.features } }, call);
  }

  categories(call?: CallOptions): Promise<CategoryRoot[]> {
    return this.execute(productEndpoints.categories, {}, call);
  }

  /** GET product/productComments (the deprecated product/comments is not used). */
  comments(params: CommentsParams, call?: CallOptions): Promise<Page<ProductComment>> {
    return this.execute(productEndpoints.comments, { query: { ...params } }, call);
  }

  globalWarehouses(call?: CallOptions): Promise<GlobalWarehouse[]> {
    return this.execute(productEndpoints.globalWarehouses, {}, call);
  }

  /** Not idempotent: re-adding answers 1600000 at CJ, so an ambiguous failure is an unknown outcome. */
  addToMyProduct(productId: string, call?: CallOptions): Promise<boolean> {
    return this.execute(productEndpoints.addToMyProduct, { body: { productId }, businessKey: { productId } }, call);
  }

  myProducts(params: MyProductsParams = {}, call?: CallOptions): Promise<Page<MyProduct> & { totalPages?: number | undefined }> {
    return this.execute(productEndpoints.myProducts, { query: { ...params } }, call);
  }
}
