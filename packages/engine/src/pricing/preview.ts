// What the pricing gate would decide for a CJ product under this store's rules, without storing or
// changing anything: the product's details and freight come through the store's own budgeted CJ
// client (20 points), the analyse gate picks the freight and the sellable variants exactly as a scan
// would, and every variant is priced by the same priceVariants the gate uses.
import type { CandidateDetail, DecimalString, FreightQuote, Rejection } from '../catalog/candidate.js';
import { parseCjProductRef } from '../catalog/cj-product-ref.js';
import { analyse } from '../catalog/gates/analyse.js';
import { withNicheKeywords } from '../catalog/gates/analyse-rules.js';
import { freightSource } from '../catalog/pipeline.js';
import type { CatalogSupplier } from '../catalog/supplier.js';
import { Dec } from '../money/index.js';
import type { StoreContext } from '../stores/context.js';
import { isoDateOf } from './iso-date.js';
import type { PriceResult } from './price-result.js';
import { priceVariants } from './price-variants.js';

export interface VariantPreview {
  vid: string;
  sku: string;
  costUsd: DecimalString;
  result: PriceResult;
}

export type PricePreview =
  | {
      ok: true;
      pid: string;
      /** CJ's English title: supplier text, shown as data only. */
      nameEn: string;
      currency: string;
      /** The freight the analyse gate chose (or the cheapest quote when it would reject the product). */
      freight: FreightQuote | null;
      /** null when the analyse gate would accept the product. */
      analyseRejection: Rejection | null;
      variants: VariantPreview[];
      /** The price the product would be listed at (its cheapest sellable variant), or null when no variant prices. */
      listedPriceMinor: number | null;
      /** What the pricing gate decides: "accept" when at least one sellable variant prices within the rules. */
      decision: 'accept' | 'reject';
      rejection: Rejection | null;
    }
  | { ok: false; code: 'invalid_input' | 'not_found'; message: string };

export async function previewPrice(ctx: StoreContext, supplier: CatalogSupplier, input: { product: string; signal?: AbortSignal }): Promise<PricePreview> {
  const ref = parseCjProductRef(input.product);
  if (!ref.ok) return { ok: false, code: 'invalid_input', message: ref.message };
  const detail = await supplier.details(ref.pid, input.signal);
  if (!detail) return { ok: false, code: 'not_found', message: `CJ has no product ${ref.pid} on sale` };
  const source = freightSource(detail.variants);
  let freight: FreightQuote[] | null = null;
  if (source) {
    try {
      freight = await supplier.freight({ fromCountry: source.country, toCountry: ctx.config.mainCountry, vid: source.variant.vid, quantity: 1 }, input.signal);
    } catch {
      freight = null;
    }
  }
  return priceDetail(ctx, detail, freight);
}

/** The pricing decision for details and freight already known (no CJ call). */
export function priceDetail(ctx: StoreContext, detail: CandidateDetail, freight: FreightQuote[] | null): PricePreview & { ok: true } {
  const quality = withNicheKeywords(ctx.config.quality, ctx.config.niche.keywords);
  const analysed = analyse(detail, freight, quality, ctx.config.mainCountry);
  const chosen = analysed.ok
    ? analysed.chosenFreight
    : (freight ?? []).reduce<FreightQuote | null>((best, q) => (best === null || new Dec(q.priceUsd).lt(best.priceUsd) ? q : best), null);
  const variants = analysed.ok ? analysed.sellableVariants : detail.variants.filter((v) => v.onSale);
  const priced = chosen ? priceVariants({ variants, shippingUsd: chosen.priceUsd }, ctx.config.pricing, isoDateOf(ctx.clock.now())) : [];
  const previews: VariantPreview[] = priced.map((p, i) => ({ vid: p.vid, sku: variants[i]!.sku, costUsd: variants[i]!.priceUsd, result: p.result }));
  const ok = previews.flatMap((p) => (p.result.ok ? [p.result] : []));
  const listed = ok.length > 0 ? ok.reduce((a, b) => (b.grossMinor < a.grossMinor ? b : a)).grossMinor : null;
  const firstFailure = previews.find((p) => !p.result.ok)?.result;
  const rejection: Rejection | null =
    listed !== null
      ? null
      : chosen === null
        ? { gate: 'price', code: 'no_freight', reason: `no shipping option to ${ctx.config.mainCountry} is known, so no price can be set` }
        : firstFailure && !firstFailure.ok
          ? firstFailure.rejection
          : { gate: 'price', code: 'no_priced_variant', reason: 'no variant could be priced' };
  return {
    ok: true,
    pid: detail.pid,
    nameEn: detail.nameEn,
    currency: ctx.config.currency,
    freight: chosen,
    analyseRejection: analysed.ok ? null : analysed.rejection,
    variants: previews,
    listedPriceMinor: listed,
    decision: listed !== null ? 'accept' : 'reject',
    rejection,
  };
}
