// Refreshes one listed product the way the scanner stores a product: fresh details and freight from
// the supplier, then the analyse, translate, price and enrich gates, then the store gate's upsert by
// CJ product id. The scanner itself skips products it already lists (`search.alreadyListed`), so a
// rescan never reaches the store gate for them; this is the path a refresh of a listed product takes.
import type { CandidateVariant } from '../../src/catalog/candidate.js';
import { slugTaken } from '../../src/catalog/catalog-repository.js';
import { CjCatalogSupplier } from '../../src/catalog/cj-catalog-supplier.js';
import { analyse } from '../../src/catalog/gates/analyse.js';
import { withNicheKeywords } from '../../src/catalog/gates/analyse-rules.js';
import { enrich } from '../../src/catalog/gates/enrich.js';
import { storeProduct, type StoreOutcome } from '../../src/catalog/gates/store.js';
import { translateProduct } from '../../src/catalog/gates/translate.js';
import { Dec } from '../../src/money/index.js';
import { isoDateOf } from '../../src/pricing/iso-date.js';
import type { PriceBreakdown } from '../../src/pricing/price-result.js';
import { priceVariants } from '../../src/pricing/price-variants.js';
import type { StoreContext } from '../../src/stores/context.js';
import { DbTranslationCache } from '../../src/translation/db-cache.js';
import { createTranslator } from '../../src/translation/factory.js';

export async function refreshThroughGates(ctx: StoreContext, cjPid: string): Promise<StoreOutcome> {
  const supplier = new CjCatalogSupplier(ctx.cj);
  const detail = await supplier.details(cjPid);
  if (!detail) throw new Error(`the supplier no longer has ${cjPid}`);

  // Freight from the warehouse holding the most stock of the cheapest sellable variant (as the scanner).
  const stocked = detail.variants.filter((v) => v.onSale && v.stock.some((s) => s.quantity > 0));
  if (stocked.length === 0) throw new Error(`${cjPid} has no stocked variant`);
  const variant = stocked.reduce((a, b) => (new Dec(b.priceUsd).cmp(a.priceUsd) < 0 ? b : a));
  const from = variant.stock.reduce((a, b) => (b.quantity > a.quantity ? b : a));
  const freight = await supplier.freight({ fromCountry: from.countryCode, toCountry: ctx.config.mainCountry, vid: variant.vid, quantity: 1 });

  const analysed = analyse(detail, freight, withNicheKeywords(ctx.config.quality, ctx.config.niche.keywords), ctx.config.mainCountry);
  if (!analysed.ok) throw new Error(`analyse rejected ${cjPid}: ${analysed.rejection.reason}`);
  const translator = createTranslator(ctx.config.translation, {}, new DbTranslationCache(ctx.db, ctx.clock));
  const translated = await translateProduct(translator, detail, ctx.config.locale);
  if (!translated.ok) throw new Error(`translate rejected ${cjPid}: ${translated.rejection.reason}`);

  const priced = priceVariants(
    { variants: analysed.sellableVariants, shippingUsd: analysed.chosenFreight.priceUsd },
    ctx.config.pricing,
    isoDateOf(ctx.clock.now()),
  );
  const sellable = analysed.sellableVariants
    .map((v, i) => ({ variant: v, result: priced[i]!.result }))
    .filter((p): p is { variant: CandidateVariant; result: PriceBreakdown } => p.result.ok);
  if (sellable.length === 0) throw new Error(`no variant of ${cjPid} could be priced`);
  const cheapest = sellable.reduce((a, b) => (b.result.grossMinor < a.result.grossMinor ? b : a));

  const enriched = await enrich(
    { detail: { ...detail, variants: sellable.map((s) => s.variant) }, title: translated.title, description: translated.description, titleParts: translated.titleParts },
    { ...ctx.config.enrich, storeName: ctx.config.name },
    { isSlugTaken: (slug) => slugTaken(ctx.db, slug, detail.pid) },
  );
  if (!enriched.ok) throw new Error(`enrich rejected ${cjPid}: ${enriched.rejection.reason}`);

  return storeProduct(ctx.db, new Date(ctx.clock.now()).toISOString(), {
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
    listingHash: `refresh-${Date.now()}`,
  });
}
