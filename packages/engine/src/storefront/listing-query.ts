// The query of a shop or category page: page number, sort, price range. Values a link of ours
// never makes are refused with 400 naming the parameter (never silently read as something else).
import { badRequest } from '../http/errors.js';
import type { CatalogSort } from '../catalog/catalog-repository.js';
import { parseMoney } from '../money/index.js';

export const LISTING_SORTS = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export type ListingSort = (typeof LISTING_SORTS)[number];

export interface ListingQuery {
  page: number;
  sort: ListingSort;
  minPriceMinor?: number;
  maxPriceMinor?: number;
  /** The raw price texts, to show back in the form. */
  min: string;
  max: string;
  /** `categoria` / `category`: a category chosen in the filter form (a slug; '' = all). */
  category?: string;
}

export type RawQuery = Record<string, string | string[] | undefined>;

const one = (q: RawQuery, name: string): string | undefined => {
  const v = q[name];
  return Array.isArray(v) ? v[0] : v;
};

function price(q: RawQuery, name: string, currency: string): number | undefined {
  const text = one(q, name)?.trim();
  if (!text) return undefined;
  try {
    const amount = parseMoney(text.replace(',', '.'), currency, { rounding: 'half-even' });
    if (amount.minor < 0 || amount.minor > 100_000_000) throw new Error('out of range');
    return amount.minor;
  } catch {
    throw badRequest(`querystring.${name}`, `querystring.${name}: a price such as "10" or "24.90"`);
  }
}

export function parseListingQuery(q: RawQuery, currency: string): ListingQuery {
  const pageText = one(q, 'page') ?? '1';
  if (!/^[1-9]\d{0,3}$/.test(pageText)) throw badRequest('querystring.page', 'querystring.page: a page number from 1 to 9999');
  const sortText = one(q, 'sort') ?? 'relevance';
  if (!(LISTING_SORTS as readonly string[]).includes(sortText)) {
    throw badRequest('querystring.sort', `querystring.sort: one of ${LISTING_SORTS.join(', ')}`);
  }
  const minPriceMinor = price(q, 'min', currency);
  const maxPriceMinor = price(q, 'max', currency);
  const category = one(q, 'categoria') ?? one(q, 'category');
  return {
    page: Number(pageText),
    sort: sortText as ListingSort,
    ...(minPriceMinor !== undefined ? { minPriceMinor } : {}),
    ...(maxPriceMinor !== undefined ? { maxPriceMinor } : {}),
    min: one(q, 'min')?.trim() ?? '',
    max: one(q, 'max')?.trim() ?? '',
    ...(category !== undefined ? { category } : {}),
  };
}

export function catalogSort(sort: ListingSort): CatalogSort {
  return sort === 'relevance' ? 'featured' : sort;
}

/** The query string of a listing link (only what differs from the defaults), e.g. "?sort=newest&page=2". */
export function listingSearch(q: Pick<ListingQuery, 'page' | 'sort' | 'min' | 'max'>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (q.sort !== 'relevance') params.set('sort', q.sort);
  if (q.min) params.set('min', q.min);
  if (q.max) params.set('max', q.max);
  if (q.page > 1) params.set('page', String(q.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
