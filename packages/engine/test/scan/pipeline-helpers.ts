// The scanner's dependencies for a test store (so a test can run `runScan` with a decorated
// supplier), and a product refresh through the real gates — what a later scan or sync does to a
// product that is already listed.
import type { CandidateVariant } from '../../src/catalog/candidate.js';
import { CjCatalogSupplier } from '../../src/catalog/cj-catalog-supplier.js';
import { slugTaken } from '../../src/catalog/catalog-repository.js';
import { analyse } from '../../src/catalog/gates/analyse.js';
import { withNicheKeywords } from '../../src/catalog/gates/analyse-rules.js';
import { enrich } from '../../src/catalog/gates/enrich.js';
import { storeProduct, type StoreOutcome } from '../../src/catalog/gates/store.js';
import { translateProduct } from '../../src/catalog/gates/translate.js';
import type { ScanDeps } from '../../src/catalog/scanner.js';
import type { CatalogSupplier } from '../../src/catalog/supplier.js';
import { Dec } from '../../src/money/index.js';
import { isoDateOf } from '../../src/pricing/iso-date.js';
import { priceVariants } from '../../src/pricing/price-variants.js';
import type { StoreContext } from '../../src/stores/context.js';
import { DbTranslationCache } from '../../src/translation/db-cache.js';
import { createTranslator } from '../../src/translation/factory.js';

export function scanDeps(ctx: StoreContext, wrap: (base: CatalogSupplier) => CatalogSupplier = (b) => b): ScanDeps {
  return {
    supplier: wrap(new CjCatalogSupplier(ctx.cj)),
    translator: createTranslator(ctx.config.translation, {}, new DbTranslationCache(ctx.db, ctx.clock)),
  };
}

function freightSource(variants: CandidateVariant[]): { variant: CandidateVariant; country: string } {
  const stocked = variants.filter((v) => v.onSale && v.stock.some((s) => s.quantity > 0));
  if (stocked.length === 0) throw new Error('no stocked variant to quote freight for');
  const variant = stocked.reduce((a, b) => (new Dec(b.priceUsd).cmp(a.priceUsd) < 0 ? b : a));
  const best = variant.stock.reduce((a, b) => (b.quantity > a.quantity ? b : a));
  return { variant, country: best.countryCode };
}

/** Fetches a listed product again from CJ and runs it through every gate into the store gate. */
export async function refreshThroughGates(ctx: StoreContext, pid: string): Promise<StoreOutcome> {
  const { supplier, translator } = scanDeps(ctx);
  const detail = await supplier.details(pid);
  if (!detail) throw new Error(`CJ no longer has ${pid}`);
  const source = freightSource(detail.variants);
  const freight = await supplier.freight({ fromCountry: source.country, toCountry: ctx.config.mainCountry, vid: source.variant.vid, quantity: 1 });
  const analysed = analyse(detail, freight, withNicheKeywords(ctx.config.quality, ctx.config.niche.keywords), ctx.config.mainCountry);
  if (!analysed.ok) throw new Error(`refresh of ${pid} rejected: ${JSON.stringify(analysed.rejection)}`);
  const translated = await translateProduct(translator, detail, ctx.config.locale);
  if (!translated.ok) throw new Error(`refresh of ${pid} rejected: ${JSON.stringify(translated.rejection)}`);
  const priced = priceVariants({ variants: analysed.sellableVariants, shippingUsd: analysed.chosenFreight.priceUsd }, ctx.config.pricing, isoDateOf(ctx.clock.now()));
  const sellable = analysed.sellableVariants.flatMap((variant, i) => {
    const result = priced[i]!.result;
    return result.ok ? [{ variant, result }] : [];
  });
  if (sellable.length === 0) throw new Error(`refresh of ${pid}: no variant could be priced`);
  const cheapest = sellable.reduce((a, b) => (b.result.grossMinor < a.result.grossMinor ? b : a));
  const enriched = await enrich(
    { detail: { ...detail, variants: sellable.map((s) => s.variant) }, title: translated.title, description: translated.description, titleParts: translated.titleParts },
    { ...ctx.config.enrich, storeName: ctx.config.name },
    { isSlugTaken: (slug) => slugTaken(ctx.db, slug, detail.pid) },
  );
  if (!enriched.ok) throw new Error(`refresh of ${pid} rejected: ${JSON.stringify(enriched.rejection)}`);
  return storeProduct(
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
      listingHash: 'refreshed',
    },
    { maxProducts: ctx.config.catalog.maxProducts },
  );
}
