// The catalogue's supplier port on the CJ client: the one place that turns the client's normalised
// CJ shapes into the engine's candidates.
import { CjNotFoundError, type CjClient, type ProductDetail, type ProductSummary } from '@lojista/cj';
import type { CandidateDetail, CandidateStock, CandidateSummary, CandidateVariant, FreightQuote } from './candidate.js';
import type { CatalogSupplier, SearchPage, SearchRequest } from './supplier.js';

export class CjCatalogSupplier implements CatalogSupplier {
  constructor(private readonly cj: CjClient) {}

  async search(req: SearchRequest, signal?: AbortSignal): Promise<SearchPage> {
    const page = await this.cj.products.listV2(
      {
        keyWord: req.keyword,
        page: req.page,
        size: req.size,
        features: ['enable_category'],
        ...(req.categoryId ? { categoryId: req.categoryId } : {}),
      },
      { signal },
    );
    const items = page.items.filter((p) => p.nameEn && p.sellPrice).map((p) => toSummary(p, req.keyword));
    const totalPages = page.totalPages ?? Math.ceil(page.total / Math.max(page.pageSize, 1));
    return { items, page: page.pageNum, totalPages, totalRecords: page.total };
  }

  async details(pid: string, signal?: AbortSignal): Promise<CandidateDetail | null> {
    try {
      const detail = await this.cj.products.query({ pid }, { features: ['enable_inventory'] }, { signal });
      return toDetail(detail);
    } catch (err) {
      // Not found, or off the shelves (1602001/1602002): for the catalogue the product is gone.
      if (err instanceof CjNotFoundError) return null;
      throw err;
    }
  }

  async freight(req: { fromCountry: string; toCountry: string; vid: string; quantity: number }, signal?: AbortSignal): Promise<FreightQuote[]> {
    const options = await this.cj.logistic.freightCalculate(
      { startCountryCode: req.fromCountry, endCountryCode: req.toCountry, products: [{ vid: req.vid, quantity: req.quantity }] },
      { signal },
    );
    return options.flatMap((o) => {
      const days = parseDays(o.logisticAging);
      // An option without a price or delivery time is unknown freight, never free freight.
      if (!o.logisticPrice || !days) return [];
      return [{ logisticName: o.logisticName, priceUsd: o.logisticPrice, minDays: days.min, maxDays: days.max }];
    });
  }
}

export function toSummary(p: ProductSummary, keyword: string): CandidateSummary {
  return {
    pid: p.pid,
    nameEn: p.nameEn ?? '',
    priceMinUsd: p.sellPrice!.min,
    priceMaxUsd: p.sellPrice!.max,
    ...(p.image ? { image: p.image } : {}),
    ...(p.categoryId ? { categoryId: p.categoryId } : {}),
    ...(p.categoryName ? { categoryName: p.categoryName } : {}),
    ...(p.listedNum !== undefined ? { listedNum: p.listedNum } : {}),
    ...(p.inventory !== undefined ? { warehouseInventory: p.inventory } : {}),
    ...(p.createdAt !== undefined ? { createdAt: p.createdAt } : {}),
    keyword,
  };
}

export function toDetail(d: ProductDetail): CandidateDetail {
  const variants: CandidateVariant[] = d.variants
    .filter((v) => v.sellPrice !== undefined)
    .map((v) => ({
      vid: v.vid,
      sku: v.sku ?? v.vid,
      ...(v.nameEn ? { nameEn: v.nameEn } : {}),
      optionValues: v.key,
      priceUsd: v.sellPrice!,
      weightGrams: Math.round(v.weightGrams ?? d.weight?.max ?? 0),
      ...(v.image ? { image: v.image } : {}),
      stock: stockLines(v.inventories),
      onSale: true,
    }));
  const prices = variants.map((v) => v.priceUsd);
  return {
    pid: d.pid,
    nameEn: d.nameEn ?? '',
    priceMinUsd: d.sellPrice?.min ?? prices[0] ?? '0',
    priceMaxUsd: d.sellPrice?.max ?? prices[0] ?? '0',
    ...(d.image ? { image: d.image } : {}),
    ...(d.categoryId ? { categoryId: d.categoryId } : {}),
    ...(d.categoryName ? { categoryName: d.categoryName } : {}),
    ...(d.listedNum !== undefined ? { listedNum: d.listedNum } : {}),
    keyword: '',
    descriptionHtml: d.description ?? '',
    images: d.images,
    onSale: d.status === undefined || d.status === '3',
    weightGrams: Math.round(d.weight?.max ?? 0),
    ...(d.materialNameEn.length > 0 ? { materialEn: d.materialNameEn.join(', ') } : {}),
    variants,
  };
}

function stockLines(inventories: ProductDetail['variants'][number]['inventories']): CandidateStock[] {
  const byCountry = new Map<string, number>();
  for (const inv of inventories) {
    if (!inv.countryCode) continue;
    byCountry.set(inv.countryCode, (byCountry.get(inv.countryCode) ?? 0) + (inv.totalInventory ?? 0));
  }
  return [...byCountry].map(([countryCode, quantity]) => ({ countryCode, quantity }));
}

/** CJ's "7-12" (or "7") in days. */
export function parseDays(aging: string | undefined): { min: number; max: number } | null {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(aging ?? '');
  if (!m) return null;
  const min = Number(m[1]);
  const max = Number(m[2] ?? m[1]);
  return { min: Math.min(min, max), max: Math.max(min, max) };
}
