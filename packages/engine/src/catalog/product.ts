// The catalogue's product as the engine stores it, and its mapping to and from table rows.
import type { ProductsTable, VariantsTable } from '../db/schema.js';

export interface VariantOption {
  name: string;
  value: string;
}

export interface StockLine {
  countryCode: string;
  quantity: number;
}

export interface StoredVariant {
  id: string;
  cjVid: string;
  sku: string;
  options: VariantOption[];
  costUsd: string;
  priceMinor: number;
  stock: number;
  stockDetail: StockLine[];
  onSale: boolean;
  image: string | null;
  weightGrams: number;
  position: number;
}

export interface StoredProduct {
  id: string;
  cjPid: string;
  slug: string;
  status: ProductsTable['status'];
  hiddenReason: string | null;
  title: string;
  description: string;
  titleEn: string;
  descriptionEn: string;
  titleEdited: boolean;
  descriptionEdited: boolean;
  /** Set once the owner edited them: scans keep the owner's category and tags. */
  categoryEdited?: boolean;
  tagsEdited?: boolean;
  category: string;
  tags: string[];
  images: string[];
  seoTitle: string;
  seoDescription: string;
  currency: string;
  priceMinor: number;
  priceOverrideMinor: number | null;
  landedMinor: number;
  marginMinor: number;
  marginPct: string;
  costUsd: string;
  shippingUsd: string;
  logisticName: string;
  deliveryMinDays: number;
  deliveryMaxDays: number;
  fxDate: string;
  score: number;
  fingerprint: string;
  listedNum: number;
  cjCategoryId: string | null;
  cjListingHash: string;
  notFoundCount: number;
  createdAt: string;
  updatedAt: string;
  lastSyncedAt: string | null;
  variants: StoredVariant[];
}

/** The price a customer pays: the admin's override when set, else the computed price. */
export function effectivePriceMinor(p: Pick<StoredProduct, 'priceMinor' | 'priceOverrideMinor'>): number {
  return p.priceOverrideMinor ?? p.priceMinor;
}

export function productFromRow(row: ProductsTable, variants: VariantsTable[]): StoredProduct {
  return {
    id: row.id,
    cjPid: row.cj_pid,
    slug: row.slug,
    status: row.status,
    hiddenReason: row.hidden_reason,
    title: row.title,
    description: row.description,
    titleEn: row.title_en,
    descriptionEn: row.description_en,
    titleEdited: row.title_edited === 1,
    descriptionEdited: row.description_edited === 1,
    categoryEdited: row.category_edited === 1,
    tagsEdited: row.tags_edited === 1,
    category: row.category,
    tags: JSON.parse(row.tags) as string[],
    images: JSON.parse(row.images) as string[],
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    currency: row.currency,
    priceMinor: row.price_minor,
    priceOverrideMinor: row.price_override_minor,
    landedMinor: row.landed_minor,
    marginMinor: row.margin_minor,
    marginPct: row.margin_pct,
    costUsd: row.cost_usd,
    shippingUsd: row.shipping_usd,
    logisticName: row.logistic_name,
    deliveryMinDays: row.delivery_min_days,
    deliveryMaxDays: row.delivery_max_days,
    fxDate: row.fx_date,
    score: row.score,
    fingerprint: row.fingerprint,
    listedNum: row.listed_num,
    cjCategoryId: row.cj_category_id,
    cjListingHash: row.cj_listing_hash,
    notFoundCount: row.not_found_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSyncedAt: row.last_synced_at,
    variants: variants.sort((a, b) => a.position - b.position).map(variantFromRow),
  };
}

export function variantFromRow(row: VariantsTable): StoredVariant {
  return {
    id: row.id,
    cjVid: row.cj_vid,
    sku: row.sku,
    options: JSON.parse(row.options) as VariantOption[],
    costUsd: row.cost_usd,
    priceMinor: row.price_minor,
    stock: row.stock,
    stockDetail: JSON.parse(row.stock_detail) as StockLine[],
    onSale: row.on_sale === 1,
    image: row.image,
    weightGrams: row.weight_grams,
    position: row.position,
  };
}

export function productToRow(p: StoredProduct, searchText: string): ProductsTable {
  return {
    id: p.id,
    cj_pid: p.cjPid,
    slug: p.slug,
    status: p.status,
    hidden_reason: p.hiddenReason,
    title: p.title,
    description: p.description,
    title_en: p.titleEn,
    description_en: p.descriptionEn,
    title_edited: p.titleEdited ? 1 : 0,
    description_edited: p.descriptionEdited ? 1 : 0,
    category_edited: p.categoryEdited ? 1 : 0,
    tags_edited: p.tagsEdited ? 1 : 0,
    category: p.category,
    tags: JSON.stringify(p.tags),
    images: JSON.stringify(p.images),
    seo_title: p.seoTitle,
    seo_description: p.seoDescription,
    currency: p.currency,
    price_minor: p.priceMinor,
    price_override_minor: p.priceOverrideMinor,
    landed_minor: p.landedMinor,
    margin_minor: p.marginMinor,
    margin_pct: p.marginPct,
    cost_usd: p.costUsd,
    shipping_usd: p.shippingUsd,
    logistic_name: p.logisticName,
    delivery_min_days: p.deliveryMinDays,
    delivery_max_days: p.deliveryMaxDays,
    fx_date: p.fxDate,
    score: p.score,
    fingerprint: p.fingerprint,
    search_text: searchText,
    listed_num: p.listedNum,
    cj_category_id: p.cjCategoryId,
    cj_listing_hash: p.cjListingHash,
    not_found_count: p.notFoundCount,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    last_synced_at: p.lastSyncedAt,
  };
}

export function variantToRow(productId: string, v: StoredVariant, updatedAt: string): VariantsTable {
  return {
    id: v.id,
    product_id: productId,
    cj_vid: v.cjVid,
    sku: v.sku,
    options: JSON.stringify(v.options),
    cost_usd: v.costUsd,
    price_minor: v.priceMinor,
    stock: v.stock,
    stock_detail: JSON.stringify(v.stockDetail),
    on_sale: v.onSale ? 1 : 0,
    image: v.image,
    weight_grams: v.weightGrams,
    position: v.position,
    updated_at: updatedAt,
  };
}

/** Lower-case, accent-free text for LIKE search that behaves the same on SQLite and PostgreSQL. */
export function foldForSearch(...parts: string[]): string {
  return parts
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
