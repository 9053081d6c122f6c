// What the storefront and the operator see of a product. The public view never shows supplier
// cost, margin or CJ ids (the old storefront published all three).
import { formatMoney, money } from '../money/index.js';
import { publicImagePath } from './image-urls.js';
import { effectivePriceMinor, type StoredProduct } from './product.js';

export interface PriceView {
  minor: number;
  currency: string;
  formatted: string;
}

export function priceView(minor: number, currency: string, locale: string): PriceView {
  return { minor, currency, formatted: formatMoney(money(currency, minor), locale) };
}

export function publicProductView(p: StoredProduct, locale: string, lowStock: number) {
  const variantPrice = (minor: number) => priceView(p.priceOverrideMinor ?? minor, p.currency, locale);
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    description: p.description,
    category: p.category,
    tags: p.tags,
    // The store's own addresses: the supplier's image host never reaches a page or the public JSON.
    images: p.images.map((url) => publicImagePath(p.id, url)),
    price: priceView(effectivePriceMinor(p), p.currency, locale),
    delivery: { minDays: p.deliveryMinDays, maxDays: p.deliveryMaxDays },
    seo: { title: p.seoTitle, description: p.seoDescription },
    variants: p.variants.map((v) => ({
      id: v.id,
      options: v.options,
      price: variantPrice(v.priceMinor),
      available: v.onSale && v.stock > 0,
      lowStock: v.onSale && v.stock > 0 && v.stock < lowStock,
      image: v.image === null ? null : publicImagePath(p.id, v.image),
    })),
  };
}

export function adminProductView(p: StoredProduct, locale: string, lowStock: number) {
  return {
    ...publicProductView(p, locale, lowStock),
    status: p.status,
    hiddenReason: p.hiddenReason,
    cjPid: p.cjPid,
    titleEn: p.titleEn,
    titleEdited: p.titleEdited,
    descriptionEdited: p.descriptionEdited,
    computedPrice: priceView(p.priceMinor, p.currency, locale),
    priceOverride: p.priceOverrideMinor === null ? null : priceView(p.priceOverrideMinor, p.currency, locale),
    costUsd: p.costUsd,
    shippingUsd: p.shippingUsd,
    logisticName: p.logisticName,
    landed: priceView(p.landedMinor, p.currency, locale),
    margin: priceView(p.marginMinor, p.currency, locale),
    marginPct: p.marginPct,
    fxDate: p.fxDate,
    score: p.score,
    listedNum: p.listedNum,
    notFoundCount: p.notFoundCount,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    lastSyncedAt: p.lastSyncedAt,
    variantsAdmin: p.variants.map((v) => ({ id: v.id, cjVid: v.cjVid, sku: v.sku, costUsd: v.costUsd, stock: v.stock, stockDetail: v.stockDetail })),
  };
}
