// What CJ said about one product, in the engine's terms: the input of the inventory rules
// (apply.ts), whichever way it arrived — a full read by the 2 h sync, a confirm read, or the
// content of a webhook. Every field is optional: a STOCK message knows stock and nothing else.
import type { ProductDetail, ProductInventory, ProductVariant, WebhookStockArea } from '@lojista/cj';
import { toDetail } from '../catalog/cj-catalog-supplier.js';
import type { StockLine } from '../catalog/product.js';

export interface VariantFacts {
  /** CJ's current price of the variant (our cost), USD decimal string. */
  costUsd?: string;
  /** Units per warehouse country. */
  stock?: StockLine[];
  /** false when CJ took the variant off sale. */
  onSale?: boolean;
}

export interface ProductFacts {
  /**
   * Epoch ms the facts describe: when a read was sent, or when a webhook was received. Facts older
   * than the product's last full read (`last_synced_at`) are stale and ignored.
   */
  asOf: number;
  /** A full product/query read: moves `last_synced_at` to `asOf`. */
  fullRead: boolean;
  /** true: CJ answered the product (on sale); false: not found / off the shelves; undefined: unknown. */
  found?: boolean;
  /** "Not found" answers these facts stand for (1 for a read; 2 for an off-sale message confirmed by a read). */
  notFoundWeight?: number;
  /** By CJ vid; a vid the store does not list is ignored. */
  variants: Map<string, VariantFacts>;
  /** The map lists every variant CJ sells (product/query): a stored variant missing from it is off sale. */
  completeVariantList?: boolean;
}

/** Units per country; several areas or sub-warehouses of one country add up, negatives count as 0. */
export function stockLines(entries: Iterable<{ countryCode?: string | undefined; quantity?: number | undefined }>): StockLine[] {
  const byCountry = new Map<string, number>();
  for (const e of entries) {
    if (!e.countryCode) continue;
    byCountry.set(e.countryCode, (byCountry.get(e.countryCode) ?? 0) + Math.max(0, e.quantity ?? 0));
  }
  return [...byCountry].map(([countryCode, quantity]) => ({ countryCode, quantity }));
}

export function totalStock(lines: readonly StockLine[]): number {
  return lines.reduce((sum, l) => sum + Math.max(0, l.quantity), 0);
}

/** product/query (with enable_inventory): stock, cost and "on sale" for every variant CJ lists. */
export function factsFromDetail(detail: ProductDetail, asOf: number): ProductFacts {
  // Same mapping as the catalogue scan, so a synced variant looks exactly like a scanned one.
  const candidate = toDetail(detail);
  const onShelf = detail.status === undefined || detail.status === '3';
  if (!onShelf) return { asOf, fullRead: true, found: false, variants: new Map() };
  // Without any inventory in the answer, "no stock lines" means "not told", never "zero everywhere".
  const withStock = !lacksInventory(detail);
  const variants = new Map<string, VariantFacts>();
  for (const v of candidate.variants) {
    variants.set(v.vid, { costUsd: v.priceUsd, ...(withStock ? { stock: v.stock } : {}), onSale: true });
  }
  return { asOf, fullRead: true, found: true, variants, completeVariantList: true };
}

/** True when product/query carried no inventory at all (the feature ignored): stock must come from elsewhere. */
export function lacksInventory(detail: ProductDetail): boolean {
  return detail.variants.length > 0 && detail.variants.every((v) => v.inventories.length === 0);
}

/** getInventoryByPid: stock per variant. */
export function stockFromInventory(inventory: ProductInventory): Map<string, StockLine[]> {
  const out = new Map<string, StockLine[]>();
  for (const v of inventory.variantInventories) {
    out.set(v.vid, stockLines(v.inventories.map((i) => ({ countryCode: i.countryCode, quantity: i.totalInventory }))));
  }
  return out;
}

/** variant/queryByVid (with enable_inventory): one variant, on sale. */
export function factsFromVariant(v: ProductVariant): VariantFacts {
  return {
    ...(v.sellPrice !== undefined ? { costUsd: v.sellPrice } : {}),
    ...(v.inventories.length > 0
      ? { stock: stockLines(v.inventories.map((i) => ({ countryCode: i.countryCode, quantity: i.totalInventory }))) }
      : {}),
    onSale: true,
  };
}

/** A STOCK webhook's areas for one vid (`storageNum` per area). */
export function stockFromWebhookAreas(areas: readonly WebhookStockArea[]): StockLine[] {
  return stockLines(areas.map((a) => ({ countryCode: a.countryCode, quantity: a.storageNum })));
}
