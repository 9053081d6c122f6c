// The engine's own view of a CJ product while it moves through the catalogue gates.
//
// The CJ client returns CJ-shaped data; the search and details gates map it into these types so the
// other gates (analyse, translate, price, enrich, store) never depend on CJ's field names.
// Money is always a decimal string in the supplier currency (USD), never a float.

/** A decimal amount as a string, e.g. "11.85". */
export type DecimalString = string;

/** What the search gate knows about a product (from listV2): cheap to get, 50 CJ points a page. */
export interface CandidateSummary {
  pid: string;
  nameEn: string;
  /** Lowest and highest variant price in USD. */
  priceMinUsd: DecimalString;
  priceMaxUsd: DecimalString;
  image?: string;
  categoryId?: string;
  categoryName?: string;
  /** How many stores list it at CJ — a popularity signal. */
  listedNum?: number;
  /** Total warehouse inventory as listV2 reports it, when present. */
  warehouseInventory?: number;
  /** Epoch ms when CJ listed it. */
  createdAt?: number;
  /** The keyword whose search found it. */
  keyword: string;
}

export interface CandidateStock {
  /** ISO-2 country of the warehouse (CN, US, DE…). */
  countryCode: string;
  quantity: number;
}

export interface CandidateVariant {
  vid: string;
  sku: string;
  nameEn?: string;
  /** Option values as CJ gives them, e.g. ["Purple", "S"] from "Purple-S" or '["XS"]'. */
  optionValues: string[];
  priceUsd: DecimalString;
  weightGrams: number;
  image?: string;
  stock: CandidateStock[];
  /** false when CJ marks the variant off sale. */
  onSale: boolean;
}

/** What the details gate adds (product/query + variants + stock): 10 CJ points each call. */
export interface CandidateDetail extends CandidateSummary {
  descriptionHtml: string;
  images: string[];
  /** CJ product status: true when "on sale" (status 3). */
  onSale: boolean;
  weightGrams: number;
  materialEn?: string;
  variants: CandidateVariant[];
}

/** One shipping option to a destination, from logistic/freightCalculate. */
export interface FreightQuote {
  logisticName: string;
  priceUsd: DecimalString;
  /** Delivery time in days, parsed from CJ's "7-12". */
  minDays: number;
  maxDays: number;
}

/** Why a candidate left the pipeline; stored so the product is not fetched again unless it changed. */
export interface Rejection {
  gate: 'search' | 'details' | 'analyse' | 'translate' | 'price' | 'enrich' | 'store';
  /** Stable machine code, e.g. "cost_above_max". */
  code: string;
  /** Human explanation with the numbers that decided it. */
  reason: string;
}
