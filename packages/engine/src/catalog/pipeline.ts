// Gates 3–7 for one product whose details and freight are known: analyse → translate → price →
// enrich → store. The scanner runs it for every new candidate; anything that must refresh a product
// through the real gates (tests, future tools) calls the same function.
import { Dec } from '../money/index.js';
import { isoDateOf } from '../pricing/iso-date.js';
import type { PriceBreakdown } from '../pricing/price-result.js';
import { priceVariants } from '../pricing/price-variants.js';
import type { StoreContext } from '../stores/context.js';
import type { Translator } from '../translation/types.js';
import type { CandidateDetail, CandidateVariant, FreightQuote, Rejection } from './candidate.js';
import { slugTaken } from './catalog-repository.js';
import { analyse } from './gates/analyse.js';
import { withNicheKeywords } from './gates/analyse-rules.js';
import { enrich } from './gates/enrich.js';
import { scoreProduct } from './gates/score.js';
import { storeProduct, type StoreOutcome } from './gates/store.js';
import { translateProduct } from './gates/translate.js';

export type PipelineOutcome =
  | { ok: true; stored: Extract<StoreOutcome, { ok: true }> }
  /** `passed` lists the gates the product got through before `rejection.gate` stopped it. */
  | { ok: false; rejection: Rejection; passed: Array<'analyse' | 'translate' | 'price' | 'enrich'> };

export interface PipelineInput {
  detail: CandidateDetail;
  /** Freight quotes to the main country; null when the lookup failed (a rejection, never "free"). */
  freight: FreightQuote[] | null;
  listingHash: string;
}

export async function runGates(
  ctx: StoreContext,
  translator: Translator,
  input: PipelineInput,
  opts: { signal?: AbortSignal; maxProducts?: number; capFloor?: () => Promise<number | null> } = {},
): Promise<PipelineOutcome> {
  const { detail } = input;
  const passed: Array<'analyse' | 'translate' | 'price' | 'enrich'> = [];
  const quality = withNicheKeywords(ctx.config.quality, ctx.config.niche.keywords);
  const analysed = analyse(detail, input.freight, quality, ctx.config.mainCountry);
  if (!analysed.ok) return { ok: false, rejection: analysed.rejection, passed };
  passed.push('analyse');

  const translated = await translateProduct(translator, detail, ctx.config.locale, opts.signal);
  if (!translated.ok) return { ok: false, rejection: translated.rejection, passed };
  passed.push('translate');

  const priced = priceVariants(
    { variants: analysed.sellableVariants, shippingUsd: analysed.chosenFreight.priceUsd },
    ctx.config.pricing,
    isoDateOf(ctx.clock.now()),
  );
  const sellable = analysed.sellableVariants
    .map((variant, i) => ({ variant, result: priced[i]!.result }))
    .filter((p): p is { variant: CandidateVariant; result: PriceBreakdown } => p.result.ok);
  if (sellable.length === 0) {
    const first = priced[0]!.result;
    return { ok: false, rejection: first.ok ? { gate: 'price', code: 'no_priced_variant', reason: 'no variant could be priced' } : first.rejection, passed };
  }
  const cheapest = sellable.reduce((a, b) => (b.result.grossMinor < a.result.grossMinor ? b : a));
  // A full catalogue keeps only products that beat its weakest: one that would be retired the
  // moment it is stored is turned away here, before it is enriched and stored.
  const floor = opts.capFloor ? await opts.capFloor() : null;
  if (floor !== null) {
    const score = scoreProduct({
      marginPct: cheapest.result.marginPct,
      shippingUsd: analysed.chosenFreight.priceUsd,
      deliveryMaxDays: analysed.chosenFreight.maxDays,
      listedNum: detail.listedNum ?? 0,
    });
    if (score <= floor) {
      return { ok: false, rejection: { gate: 'price', code: 'below_cap', reason: `score ${score} does not beat ${floor}, the weakest product the full catalogue keeps` }, passed };
    }
  }
  passed.push('price');

  const enriched = await enrich(
    { detail: { ...detail, variants: sellable.map((s) => s.variant) }, title: translated.title, description: translated.description, titleParts: translated.titleParts },
    { ...ctx.config.enrich, storeName: ctx.config.name },
    { isSlugTaken: (slug) => slugTaken(ctx.db, slug, detail.pid) },
  );
  if (!enriched.ok) return { ok: false, rejection: enriched.rejection, passed };
  passed.push('enrich');

  const stored = await storeProduct(
    ctx.db,
    new Date(ctx.clock.now()).toISOString(),
    {
      detail,
      enriched: enriched.product,
      titleParts: translated.titleParts,
      freight: analysed.chosenFreight,
      variants: sellable.map((s) => ({ variant: s.variant, grossMinor: s.result.grossMinor })),
      price: {
        grossMinor: cheapest.result.grossMinor,
        landedMinor: cheapest.result.landedMinor,
        marginMinor: cheapest.result.marginMinor,
        marginPct: cheapest.result.marginPct,
        fxDate: cheapest.result.fxDate,
        currency: cheapest.result.currency,
      },
      listingHash: input.listingHash,
    },
    // The cap is kept in the same transaction as the save: the public catalogue never exceeds it,
    // not even while a scan is storing products.
    opts.maxProducts !== undefined ? { maxProducts: opts.maxProducts } : undefined,
  );
  if (!stored.ok) return { ok: false, rejection: stored.rejection, passed: [...passed] };
  return { ok: true, stored };
}

/** The warehouse country to quote freight from: the one holding the most stock of the cheapest sellable variant. */
export function freightSource(variants: CandidateVariant[]): { variant: CandidateVariant; country: string } | null {
  const stocked = variants.filter((v) => v.onSale && v.stock.some((s) => s.quantity > 0));
  if (stocked.length === 0) return null;
  const variant = stocked.reduce((a, b) => (compareDecimal(b.priceUsd, a.priceUsd) < 0 ? b : a));
  const best = variant.stock.reduce((a, b) => (b.quantity > a.quantity ? b : a));
  return { variant, country: best.countryCode };
}

function compareDecimal(a: string, b: string): number {
  return new Dec(a).cmp(b);
}
