// Reading disputes back from CJ: finding ours after an unknown outcome, and mapping CJ's status and
// decision onto ours.
//
// What CJ (and the simulator, which follows cj-api.md §6.7) returns:
// - `disputes/create` answers only `data: "true"`: no dispute id.
// - `disputes/getDisputeList?orderId=` lists the order's disputes, newest first, each with `id`,
//   `status`, `disputeReason`, `money`, `replacementAmount`, `resendOrderCode`, `finallyDeal`
//   (1 refund, 2 reissue, 3 reject), `createDate`, `productList` — but NOT our `businessDisputeId`.
// - `disputes/getDisputeDetail?disputeId=` (simulator: the list item plus the creation fields) does
//   carry `businessDisputeId`; CJ's real shape is UNCONFIRMED.
// - Simulator statuses: `pending` → `processing` (1 simulated day) → `finished` (3 days), or
//   `cancelled`; `finallyDeal` is set when it finishes.
// So our dispute is found by listing the order's disputes and reading the detail of each one we
// have not already matched to another row, until one names our businessDisputeId.
import { CjError, type Dispute } from '@lojista/cj';
import type { StoreContext } from '../stores/context.js';

export type OurDisputeStatus = 'open' | 'closed' | 'cancelled';

const FINAL_WORDS = new Set(['finish', 'finished', 'close', 'closed', 'complete', 'completed', 'resolved', 'done', 'reject', 'rejected', 'end', 'ended']);

/** CJ's status (and decision) mapped onto ours. Anything not recognisably final counts as open. */
export function ourStatus(d: Pick<Dispute, 'status' | 'finallyDeal'>): OurDisputeStatus {
  const s = (d.status ?? '').toLowerCase();
  if (s.includes('cancel')) return 'cancelled';
  const words = s.split(/[^a-z]+/).filter(Boolean);
  if (words.some((w) => FINAL_WORDS.has(w))) return 'closed';
  if (d.finallyDeal === 1 || d.finallyDeal === 2 || d.finallyDeal === 3) return 'closed';
  return 'open';
}

export const FINALLY_DEAL: Record<number, 'refund' | 'reissue' | 'reject'> = { 1: 'refund', 2: 'reissue', 3: 'reject' };

/** CJ's decision on a closed dispute, for the order's timeline. */
export function outcomeOf(d: Dispute): Record<string, unknown> {
  return {
    cjDisputeId: d.id,
    cjStatus: d.status ?? null,
    finallyDeal: d.finallyDeal ?? null,
    outcome: d.finallyDeal !== undefined ? (FINALLY_DEAL[d.finallyDeal] ?? `unknown (${d.finallyDeal})`) : null,
    money: d.money ?? null,
    replacementAmount: d.replacementAmount ?? null,
    resendOrderCode: d.resendOrderCode ?? null,
  };
}

export function describeOutcome(d: Dispute): string {
  const deal = d.finallyDeal !== undefined ? (FINALLY_DEAL[d.finallyDeal] ?? `decision ${d.finallyDeal}`) : 'no decision reported';
  const amount = d.finallyDeal === 1 && d.money ? ` ${d.money} USD` : d.finallyDeal === 2 && d.resendOrderCode ? ` (resent as ${d.resendOrderCode})` : '';
  return `${deal}${amount}`;
}

/** Thrown when CJ could not tell whether our dispute exists: never create on a guess. */
export class DisputeLookupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DisputeLookupError';
  }
}

const PAGE_SIZE = 50;
const MAX_PAGES = 10;

/** Every dispute CJ lists for the order (CJ's order id), newest first. */
export async function listOrderDisputes(ctx: StoreContext, cjOrderId: string, signal?: AbortSignal): Promise<Dispute[]> {
  const all: Dispute[] = [];
  for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
    const page = await ctx.cj.disputes.list({ orderId: cjOrderId, pageNum, pageSize: PAGE_SIZE }, { signal });
    all.push(...page.items);
    if (page.items.length === 0 || all.length >= page.total) break;
  }
  return all;
}

/** CJ's current view of one dispute by its id, or undefined when CJ does not list it. */
export async function fetchDispute(ctx: StoreContext, cjDisputeId: string, signal?: AbortSignal): Promise<Dispute | undefined> {
  const page = await ctx.cj.disputes.list({ disputeId: cjDisputeId, pageNum: 1, pageSize: 10 }, { signal });
  return page.items.find((d) => d.id === cjDisputeId);
}

/**
 * Our dispute at CJ (the one created with `businessDisputeId`), or null when CJ has none. `claimed`
 * holds CJ ids already recorded on our other rows, which are skipped. Throws DisputeLookupError when
 * CJ's answers do not settle it (a detail call failed), so the caller waits instead of creating.
 *
 * When CJ's detail never carries a businessDisputeId (its shape is unconfirmed), a single unclaimed
 * dispute on the order is taken as ours: nobody else files disputes for our orders through our key.
 */
export async function findOurDispute(
  ctx: StoreContext,
  cjOrderId: string,
  businessId: string,
  claimed: ReadonlySet<string>,
  signal?: AbortSignal,
): Promise<Dispute | null> {
  let listed: Dispute[];
  try {
    listed = await listOrderDisputes(ctx, cjOrderId, signal);
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new DisputeLookupError(`CJ could not list the disputes of order ${cjOrderId}: ${(err as Error).message}`, { cause: err });
  }
  const candidates = listed.filter((d) => !claimed.has(d.id));
  let withoutBusinessId = 0;
  for (const d of candidates) {
    let detail: Record<string, unknown>;
    try {
      detail = await ctx.cj.disputes.detail(d.id, { signal });
    } catch (err) {
      if (signal?.aborted || !(err instanceof CjError)) throw err;
      throw new DisputeLookupError(`CJ could not show dispute ${d.id}: ${err.message}`, { cause: err });
    }
    const theirs = detail.businessDisputeId;
    if (theirs === undefined || theirs === null) {
      withoutBusinessId++;
      continue;
    }
    if (String(theirs) === businessId) return d;
  }
  if (withoutBusinessId === candidates.length && candidates.length === 1) return candidates[0]!;
  if (withoutBusinessId > 0 && candidates.length > 1) {
    throw new DisputeLookupError(`CJ lists ${candidates.length} unmatched disputes on order ${cjOrderId} without businessDisputeId; cannot tell which is ours`);
  }
  return null;
}
