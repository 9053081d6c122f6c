// The daily job that deletes carts idle for 30 days (the cart service already ignores them; this
// keeps the table, and the personal details a cart may hold, from growing forever).
import type { ScheduleDefinition } from '../jobs/scheduler.js';
import type { JobRunner } from '../jobs/types.js';
import type { StoreContext } from '../stores/context.js';
import { deleteCartsIdleSince } from './cart-repository.js';
import { CART_IDLE_MS } from './cart-service.js';

export const CART_CLEANUP_JOB = 'carts.cleanup';
const DAY_MS = 24 * 3_600_000;

export async function deleteIdleCarts(ctx: StoreContext): Promise<number> {
  const deleted = await deleteCartsIdleSince(ctx.db, new Date(ctx.clock.now() - CART_IDLE_MS).toISOString());
  if (deleted > 0) ctx.log.info({ deleted }, 'idle carts deleted');
  return deleted;
}

export function registerCarts({ ctx, runner }: { ctx: StoreContext; runner: Pick<JobRunner, 'register'> }): { schedules: ScheduleDefinition[] } {
  runner.register(CART_CLEANUP_JOB, async () => {
    await deleteIdleCarts(ctx);
  });
  return { schedules: [{ name: 'cartCleanup', intervalMs: DAY_MS, jobType: CART_CLEANUP_JOB }] };
}
