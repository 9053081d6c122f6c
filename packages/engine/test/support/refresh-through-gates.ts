// Refreshes one listed product the way the scanner stores a product: fresh details and freight from
// the supplier, then the real gates (runGates: analyse, translate, price, enrich, store). The
// scanner itself skips products it already lists (`search.alreadyListed`), so a rescan never reaches
// the store gate for them; this is the path a refresh of a listed product takes.
import { CjCatalogSupplier } from '../../src/catalog/cj-catalog-supplier.js';
import type { StoreOutcome } from '../../src/catalog/gates/store.js';
import { freightSource, runGates } from '../../src/catalog/pipeline.js';
import type { StoreContext } from '../../src/stores/context.js';
import { DbTranslationCache } from '../../src/translation/db-cache.js';
import { createTranslator } from '../../src/translation/factory.js';

export async function refreshThroughGates(ctx: StoreContext, cjPid: string): Promise<StoreOutcome> {
  const supplier = new CjCatalogSupplier(ctx.cj);
  const detail = await supplier.details(cjPid);
  if (!detail) throw new Error(`the supplier no longer has ${cjPid}`);
  const source = freightSource(detail.variants);
  if (!source) throw new Error(`${cjPid} has no stocked variant`);
  const freight = await supplier.freight({ fromCountry: source.country, toCountry: ctx.config.mainCountry, vid: source.variant.vid, quantity: 1 });
  const translator = createTranslator(ctx.config.translation, {}, new DbTranslationCache(ctx.db, ctx.clock));
  const outcome = await runGates(ctx, translator, { detail, freight, listingHash: `refresh-${Date.now()}` });
  if (!outcome.ok) throw new Error(`${outcome.rejection.gate} rejected ${cjPid}: ${outcome.rejection.reason}`);
  return outcome.stored;
}
