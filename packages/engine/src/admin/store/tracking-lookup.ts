// The console's tracking lookup: an order number (or a tracking number) → the order we hold, and
// what CJ's trackInfo says about its tracking number right now.
import type { TrackInfo } from '@lojista/cj';
import { getOrder, getOrderByTrackNumber } from '../../orders/order-repository.js';
import type { Order } from '../../orders/order.js';
import type { StoreContext } from '../../stores/context.js';

export interface TrackingLookup {
  query: string;
  order: Order | null;
  trackNumber: string | null;
  info: TrackInfo[] | null;
  error: string | null;
}

export async function lookUpTracking(ctx: StoreContext, query: string): Promise<TrackingLookup> {
  const q = query.trim();
  const order = (await getOrder(ctx.db, q)) ?? (await getOrder(ctx.db, q.toUpperCase())) ?? (await getOrderByTrackNumber(ctx.db, q)) ?? null;
  const trackNumber = order ? order.tracking.number : q;
  if (!trackNumber) return { query: q, order, trackNumber: null, info: null, error: null };
  try {
    const info = await ctx.cj.logistic.trackInfo([trackNumber], { timeoutMs: 10_000 });
    return { query: q, order, trackNumber, info, error: null };
  } catch (err) {
    return { query: q, order, trackNumber, info: null, error: (err as Error).message };
  }
}
