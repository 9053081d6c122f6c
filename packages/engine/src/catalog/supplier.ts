// The catalogue's view of the supplier. The scanner and its gates speak only to this port; the CJ
// adapter (cj-catalog-supplier.ts) is the one place that maps the CJ client's types to candidates.
import type { CandidateDetail, CandidateSummary, FreightQuote } from './candidate.js';

export interface SearchPage {
  items: CandidateSummary[];
  page: number;
  totalPages: number;
  totalRecords: number;
}

export interface SearchRequest {
  keyword: string;
  page: number;
  size: number;
  categoryId?: string;
}

export interface CatalogSupplier {
  search(req: SearchRequest, signal?: AbortSignal): Promise<SearchPage>;
  /** Product, variants and stock in one call; null when CJ says the product is gone or off the shelves. */
  details(pid: string, signal?: AbortSignal): Promise<CandidateDetail | null>;
  /** Shipping options for one unit of a variant on a route; [] when the route has none. */
  freight(req: { fromCountry: string; toCountry: string; vid: string; quantity: number }, signal?: AbortSignal): Promise<FreightQuote[]>;
}

/** CJ's 2026 points model: what each call costs against the daily allowance. */
export const POINTS = { search: 50, details: 10, freight: 10 } as const;
