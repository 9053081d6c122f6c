// Adds one CJ product the owner (or their agent) picked, through exactly the gates a scan uses:
// details → the cheap listing checks → analyse → translate → price → enrich → store. Reports the
// gate that turned it down and why. Safe to repeat: a product already listed is reported, not added again.
import { recordAudit } from '../audit/audit-log.js';
import type { ActorName } from '../audit/actor.js';
import type { StoreContext } from '../stores/context.js';
import type { Rejection } from './candidate.js';
import { getProductByPid } from './catalog-repository.js';
import { parseCjProductRef } from './cj-product-ref.js';
import { cheapChecks } from './gates/analyse.js';
import { withNicheKeywords } from './gates/analyse-rules.js';
import { freightSource, runGates } from './pipeline.js';
import { listingHash, type ScanDeps } from './scanner.js';
import { rememberRejection } from './scan-state.js';

export type AddProductResult =
  | { outcome: 'added' | 'updated'; pid: string; productId: string; slug: string; status: string; priceMinor: number; currency: string }
  | { outcome: 'already_listed'; pid: string; productId: string; slug: string; status: string }
  | { outcome: 'rejected'; pid: string; rejection: Rejection; passed: string[] }
  | { outcome: 'invalid_input'; message: string };

export async function addCjProduct(
  ctx: StoreContext,
  deps: ScanDeps,
  input: { product: string; actor: ActorName; signal?: AbortSignal },
): Promise<AddProductResult> {
  const ref = parseCjProductRef(input.product);
  if (!ref.ok) return { outcome: 'invalid_input', message: ref.message };
  const { pid } = ref;
  const listed = await getProductByPid(ctx.db, pid);
  if (listed) return { outcome: 'already_listed', pid, productId: listed.id, slug: listed.slug, status: listed.status };

  const iso = () => new Date(ctx.clock.now()).toISOString();
  const finish = async (result: AddProductResult): Promise<AddProductResult> => {
    await recordAudit(ctx.db, ctx.clock, {
      actor: input.actor,
      action: 'product.add',
      subject: pid,
      data: result.outcome === 'rejected' ? { outcome: result.outcome, gate: result.rejection.gate, code: result.rejection.code } : { outcome: result.outcome },
    });
    return result;
  };

  const detail = await deps.supplier.details(pid, input.signal);
  if (!detail) {
    return finish({ outcome: 'rejected', pid, passed: [], rejection: { gate: 'details', code: 'not_found', reason: 'CJ has no such product on sale (not found or off the shelves)' } });
  }
  const hash = listingHash(detail);
  const quality = withNicheKeywords(ctx.config.quality, ctx.config.niche.keywords);
  const cheap = cheapChecks(detail, quality);
  if (cheap) {
    await rememberRejection(ctx.db, pid, hash, cheap, iso());
    return finish({ outcome: 'rejected', pid, passed: ['details'], rejection: cheap });
  }
  const source = freightSource(detail.variants);
  let freight = null;
  if (source) {
    try {
      freight = await deps.supplier.freight({ fromCountry: source.country, toCountry: ctx.config.mainCountry, vid: source.variant.vid, quantity: 1 }, input.signal);
    } catch (err) {
      // As in the scan: a failed lookup is unknown freight (the analyse gate rejects it), never free.
      ctx.log.warn({ err, pid }, 'freight lookup failed while adding a product');
    }
  }
  const outcome = await runGates(ctx, deps.translator, { detail, freight, listingHash: hash }, {
    ...(input.signal ? { signal: input.signal } : {}),
    maxProducts: ctx.config.catalog.maxProducts,
  });
  if (!outcome.ok) {
    await rememberRejection(ctx.db, pid, hash, outcome.rejection, iso());
    return finish({ outcome: 'rejected', pid, passed: ['details', ...outcome.passed], rejection: outcome.rejection });
  }
  const stored = (await getProductByPid(ctx.db, pid))!;
  return finish({
    outcome: outcome.stored.created ? 'added' : 'updated',
    pid,
    productId: stored.id,
    slug: stored.slug,
    status: stored.status,
    priceMinor: stored.priceMinor,
    currency: stored.currency,
  });
}
