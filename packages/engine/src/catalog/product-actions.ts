// The owner's product actions with their actor recorded: hide, show, set or remove a price override.
// Each goes through patchProduct (the admin API's own rule set: the margin floor, edited texts kept)
// and, when it changed something, into the audit trail. Repeating one changes nothing more.
import { recordAudit } from '../audit/audit-log.js';
import type { ActorName } from '../audit/actor.js';
import type { StoreContext } from '../stores/context.js';
import { getProduct } from './catalog-repository.js';
import { patchProduct, type PatchResult } from './product-admin.js';

export type ProductAction = { kind: 'hide' } | { kind: 'show' } | { kind: 'price_override'; priceOverrideMinor: number | null };

export type ProductActionResult = (PatchResult & { ok: false }) | { ok: true; changed: boolean; product: Extract<PatchResult, { ok: true }>['product'] };

export async function actOnProduct(ctx: StoreContext, idOrSlug: string, action: ProductAction, actor: ActorName): Promise<ProductActionResult> {
  const before = await getProduct(ctx.db, idOrSlug);
  if (!before) return { ok: false, status: 404, code: 'not_found', message: `no product ${idOrSlug}` };
  if (before.status === 'retired' && action.kind === 'show') {
    return { ok: false, status: 422, code: 'retired', message: `product ${before.id} was retired by the catalogue cap; a scan may list it again` };
  }
  const unchanged =
    (action.kind === 'hide' && before.status === 'hidden' && before.hiddenReason === 'hidden by the operator') ||
    (action.kind === 'show' && before.status === 'active') ||
    (action.kind === 'price_override' && before.priceOverrideMinor === action.priceOverrideMinor);
  if (unchanged) return { ok: true, changed: false, product: before };
  const result = await patchProduct(
    ctx,
    before.id,
    action.kind === 'price_override' ? { priceOverrideMinor: action.priceOverrideMinor } : { status: action.kind === 'hide' ? 'hidden' : 'active' },
  );
  if (!result.ok) return result;
  await recordAudit(ctx.db, ctx.clock, {
    actor,
    action: action.kind === 'price_override' ? 'product.price_override' : `product.${action.kind}`,
    subject: before.id,
    data: action.kind === 'price_override' ? { from: before.priceOverrideMinor, to: action.priceOverrideMinor } : { from: before.status },
  });
  return { ok: true, changed: true, product: result.product };
}
