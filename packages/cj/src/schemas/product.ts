import { z } from 'zod';
import type { NumberRange, PriceRange } from '../decimal.js';
import { type Page, bool, classicPage, id, list, money, num, numberRange, optId, priceRange, stockId, stringList, text } from './primitives.js';

/**
 * One product shape, whichever endpoint it came from. CJ names the same things differently:
 * listV2 says `id`/`nameEn`/`bigImage`, v1 list and query say `pid`/`productNameEn`/`productImage`
 * (cj-api.md §9.7). Both map onto these names.
 */
export interface ProductSummary {
  pid: string;
  nameEn?: string | undefined;
  sku?: string | undefined;
  spu?: string | undefined;
  image?: string | undefined;
  /** USD; a single price has min === max. */
  sellPrice?: PriceRange | undefined;
  /** listV2 `nowPrice` (current price after CJ's own promotions), when sent. */
  nowPrice?: PriceRange | undefined;
  categoryId?: string | undefined;
  /** Leaf category name (listV2 `threeCategoryName` — only with feature enable_category — or v1/query `categoryName`). */
  categoryName?: string | undefined;
  productType?: string | undefined;
  listedNum?: number | undefined;
  supplierId?: string | undefined;
  supplierName?: string | undefined;
  /** listV2 `warehouseInventoryNum`. */
  inventory?: number | undefined;
  /** 1 verified, 2 unverified. */
  verifiedWarehouse?: number | undefined;
  /** listV2 `addMarkStatus` 1 / v1 `isFreeShipping`. */
  freeShipping?: boolean | undefined;
  isVideo?: boolean | undefined;
  /** HTML; listV2 only with feature enable_description. */
  description?: string | undefined;
  /** "3" = approved for sale. */
  saleStatus?: string | undefined;
  /** Epoch ms (listV2 `createAt`). */
  createdAt?: number | undefined;
  /** Days, e.g. "3-5" (listV2). */
  deliveryCycle?: string | undefined;
  /** Already in "My Products" (listV2). */
  myProduct?: boolean | undefined;
}

export interface StockEntry {
  /** Without the braces CJ wraps it in. */
  stockId?: string | undefined;
  inventory?: number | undefined;
  factoryInventory?: number | undefined;
}

export interface VariantInventory {
  countryCode?: string | undefined;
  totalInventory?: number | undefined;
  cjInventory?: number | undefined;
  factoryInventory?: number | undefined;
  verifiedWarehouse?: number | undefined;
  stock: StockEntry[];
}

export interface ProductVariant {
  vid: string;
  pid?: string | undefined;
  nameEn?: string | undefined;
  sku?: string | undefined;
  image?: string | undefined;
  /** Option values: CJ sends "Black" or '["XS"]'; always a list here (["Black"], ["XS"]). */
  key: string[];
  /** USD. */
  sellPrice?: string | undefined;
  suggestedSellPrice?: string | undefined;
  weightGrams?: number | undefined;
  lengthMm?: number | undefined;
  widthMm?: number | undefined;
  heightMm?: number | undefined;
  volume?: number | undefined;
  /** "long=..,width=..,height=..". */
  standard?: string | undefined;
  createTime?: string | undefined;
  /** Present with feature enable_inventory (query) or from queryByVid. */
  inventories: VariantInventory[];
}

export interface ProductDetail extends ProductSummary {
  /** productImageSet, or [productImage] when the set is absent. */
  images: string[];
  /** Grams; CJ may give a range ("160.0-220.0") for multi-variant products. */
  weight?: NumberRange | undefined;
  packingWeight?: NumberRange | undefined;
  unit?: string | undefined;
  /** "3" = on sale (query `status`). */
  status?: string | undefined;
  suggestSellPrice?: PriceRange | undefined;
  /** HS code. */
  entryCode?: string | undefined;
  entryNameEn?: string | undefined;
  materialNameEn: string[];
  variants: ProductVariant[];
}

export interface ProductSearchPage extends Page<ProductSummary> {
  totalPages?: number | undefined;
  relatedCategories: { categoryId: string; categoryName?: string | undefined }[];
  keyWord?: string | undefined;
}

const stockEntry = z.object({ stockId, inventory: num, factoryInventory: num });

export const variantInventory = z
  .object({
    countryCode: text,
    totalInventory: num,
    cjInventory: num,
    factoryInventory: num,
    verifiedWarehouse: num,
    stock: list(stockEntry),
  })
  .transform((i): VariantInventory => i);

export const variantSchema = z
  .object({
    vid: id,
    pid: optId,
    variantNameEn: text,
    variantSku: text,
    variantImage: text,
    variantKey: stringList,
    variantSellPrice: money,
    variantSugSellPrice: money,
    variantWeight: num,
    variantLength: num,
    variantWidth: num,
    variantHeight: num,
    variantVolume: num,
    variantStandard: text,
    createTime: text,
    inventories: list(variantInventory),
  })
  .transform(
    (v): ProductVariant => ({
      vid: v.vid,
      pid: v.pid,
      nameEn: v.variantNameEn,
      sku: v.variantSku,
      image: v.variantImage,
      key: v.variantKey,
      sellPrice: v.variantSellPrice,
      suggestedSellPrice: v.variantSugSellPrice,
      weightGrams: v.variantWeight,
      lengthMm: v.variantLength,
      widthMm: v.variantWidth,
      heightMm: v.variantHeight,
      volume: v.variantVolume,
      standard: v.variantStandard,
      createTime: v.createTime,
      inventories: v.inventories,
    }),
  );

/** listV2 `content[].productList[]` item. */
const listV2Item = z
  .object({
    id,
    nameEn: text,
    sku: text,
    spu: text,
    bigImage: text,
    sellPrice: priceRange,
    nowPrice: priceRange,
    categoryId: optId,
    threeCategoryName: text,
    productType: text,
    listedNum: num,
    supplierId: optId,
    supplierName: text,
    warehouseInventoryNum: num,
    verifiedWarehouse: num,
    addMarkStatus: bool,
    isVideo: bool,
    description: text,
    saleStatus: text,
    createAt: num,
    deliveryCycle: text,
    myProduct: bool,
  })
  .transform(
    (p): ProductSummary => ({
      pid: p.id,
      nameEn: p.nameEn,
      sku: p.sku,
      spu: p.spu,
      image: p.bigImage,
      sellPrice: p.sellPrice,
      nowPrice: p.nowPrice,
      categoryId: p.categoryId,
      categoryName: p.threeCategoryName,
      productType: p.productType,
      listedNum: p.listedNum,
      supplierId: p.supplierId,
      supplierName: p.supplierName,
      inventory: p.warehouseInventoryNum,
      verifiedWarehouse: p.verifiedWarehouse,
      freeShipping: p.addMarkStatus,
      isVideo: p.isVideo,
      description: p.description,
      saleStatus: p.saleStatus,
      createdAt: p.createAt,
      deliveryCycle: p.deliveryCycle,
      myProduct: p.myProduct,
    }),
  );

/** GET product/listV2 → `{pageSize, pageNumber, totalRecords, totalPages, content:[{productList, relatedCategoryList, keyWord}]}`. */
export const listV2Data = z
  .object({
    pageSize: num,
    pageNumber: num,
    totalRecords: num,
    totalPages: num,
    content: list(
      z.object({
        productList: list(listV2Item),
        relatedCategoryList: list(z.object({ categoryId: id, categoryName: text })),
        keyWord: text,
      }),
    ),
  })
  .transform((d): ProductSearchPage => {
    const items = d.content.flatMap((c) => c.productList);
    return {
      pageNum: d.pageNumber ?? 1,
      pageSize: d.pageSize ?? items.length,
      total: d.totalRecords ?? items.length,
      totalPages: d.totalPages,
      items,
      relatedCategories: d.content.flatMap((c) => c.relatedCategoryList),
      keyWord: d.content.find((c) => c.keyWord !== undefined)?.keyWord,
    };
  });

/** Fields v1 list and query share (`pid`/`productNameEn`/`productImage`…). */
const pidShape = {
  pid: id,
  productNameEn: text,
  productSku: text,
  productImage: text,
  sellPrice: priceRange,
  categoryId: optId,
  categoryName: text,
  productType: text,
  listedNum: num,
  supplierId: optId,
  supplierName: text,
  isFreeShipping: bool,
  addMarkStatus: bool,
  isVideo: bool,
  saleStatus: text,
};

type PidShape = z.output<z.ZodObject<typeof pidShape>>;

function summaryFromPidShape(p: PidShape): ProductSummary {
  return {
    pid: p.pid,
    nameEn: p.productNameEn,
    sku: p.productSku,
    image: p.productImage,
    sellPrice: p.sellPrice,
    categoryId: p.categoryId,
    categoryName: p.categoryName,
    productType: p.productType,
    listedNum: p.listedNum,
    supplierId: p.supplierId,
    supplierName: p.supplierName,
    freeShipping: p.isFreeShipping ?? p.addMarkStatus,
    isVideo: p.isVideo,
    saleStatus: p.saleStatus,
  };
}

/** GET product/list (v1) → `{pageNum, pageSize, total, list}`. */
export const listV1Data = classicPage(z.object(pidShape).transform(summaryFromPidShape));

/** GET product/query → one product with variants. */
export const productDetailData = z
  .object({
    ...pidShape,
    productImageSet: list(z.string()),
    productWeight: numberRange,
    packingWeight: numberRange,
    productUnit: text,
    status: text,
    description: text,
    suggestSellPrice: priceRange,
    entryCode: text,
    entryNameEn: text,
    materialNameEn: stringList,
    variants: list(variantSchema),
  })
  .transform(
    (p): ProductDetail => ({
      ...summaryFromPidShape(p),
      images: p.productImageSet.length > 0 ? p.productImageSet : p.productImage ? [p.productImage] : [],
      weight: p.productWeight,
      packingWeight: p.packingWeight,
      unit: p.productUnit,
      status: p.status,
      description: p.description,
      suggestSellPrice: p.suggestSellPrice,
      entryCode: p.entryCode,
      entryNameEn: p.entryNameEn,
      materialNameEn: p.materialNameEn,
      variants: p.variants,
    }),
  );

export const variantListData = list(variantSchema);

export interface Category {
  categoryId: string;
  name?: string | undefined;
}
export interface CategoryGroup {
  name?: string | undefined;
  categories: Category[];
}
export interface CategoryRoot {
  name?: string | undefined;
  groups: CategoryGroup[];
}

/** GET product/getCategory: three levels; only the third has ids. */
export const categoriesData = list(
  z
    .object({
      categoryFirstName: text,
      categoryFirstList: list(
        z.object({
          categorySecondName: text,
          categorySecondList: list(z.object({ categoryId: id, categoryName: text })),
        }),
      ),
    })
    .transform(
      (c): CategoryRoot => ({
        name: c.categoryFirstName,
        groups: c.categoryFirstList.map((g) => ({
          name: g.categorySecondName,
          categories: g.categorySecondList.map((l) => ({ categoryId: l.categoryId, name: l.categoryName })),
        })),
      }),
    ),
);

export interface ProductComment {
  /** 19-digit number at CJ; exact here. */
  commentId: string;
  pid?: string | undefined;
  comment?: string | undefined;
  commentDate?: string | undefined;
  commentUser?: string | undefined;
  score?: number | undefined;
  commentUrls: string[];
  countryCode?: string | undefined;
  flagIconUrl?: string | undefined;
}

/** GET product/productComments: paging numbers arrive as strings. */
export const commentsData = classicPage(
  z
    .object({
      commentId: id,
      pid: optId,
      comment: text,
      commentDate: text,
      commentUser: text,
      score: num,
      commentUrls: list(z.string()),
      countryCode: text,
      flagIconUrl: text,
    })
    .transform((c): ProductComment => c),
);

export interface GlobalWarehouse {
  areaId: string;
  areaEn?: string | undefined;
  areaCn?: string | undefined;
  countryCode?: string | undefined;
  nameEn?: string | undefined;
  valueEn?: string | undefined;
  disabled?: boolean | undefined;
}

export const globalWarehousesData = list(
  z
    .object({ areaId: id, areaEn: text, areaCn: text, countryCode: text, nameEn: text, valueEn: text, disabled: bool })
    .transform((w): GlobalWarehouse => w),
);

export interface MyProduct {
  productId: string;
  nameEn?: string | undefined;
  sku?: string | undefined;
  image?: string | undefined;
  sellPrice?: PriceRange | undefined;
  totalPrice?: PriceRange | undefined;
  vid?: string | undefined;
  areaId?: string | undefined;
  areaCountryCode?: string | undefined;
  createdAt?: number | undefined;
  weight?: NumberRange | undefined;
  packWeight?: NumberRange | undefined;
}

/** GET product/myProduct/query → listV2-style paging `{pageSize, pageNumber, totalRecords, totalPages, content}`. */
export const myProductsData = z
  .object({
    pageSize: num,
    pageNumber: num,
    totalRecords: num,
    totalPages: num,
    content: list(
      z
        .object({
          productId: id,
          nameEn: text,
          sku: text,
          bigImage: text,
          sellPrice: priceRange,
          totalPrice: priceRange,
          vid: optId,
          areaId: optId,
          areaCountryCode: text,
          createAt: num,
          weight: numberRange,
          packWeight: numberRange,
        })
        .transform(
          (p): MyProduct => ({
            productId: p.productId,
            nameEn: p.nameEn,
            sku: p.sku,
            image: p.bigImage,
            sellPrice: p.sellPrice,
            totalPrice: p.totalPrice,
            vid: p.vid,
            areaId: p.areaId,
            areaCountryCode: p.areaCountryCode,
            createdAt: p.createAt,
            weight: p.weight,
            packWeight: p.packWeight,
          }),
        ),
    ),
  })
  .transform(
    (d): Page<MyProduct> & { totalPages?: number | undefined } => ({
      pageNum: d.pageNumber ?? 1,
      pageSize: d.pageSize ?? d.content.length,
      total: d.totalRecords ?? d.content.length,
      totalPages: d.totalPages,
      items: d.content,
    }),
  );
