// Wiring for the store runtime: the sync job type, the CJ webhook handlers, and the schedule the
// runtime's scheduler should run (schedules.inventory, 2 h by default).
import type { ScheduleDefinition } from '../jobs/scheduler.js';
import type { JobRunner } from '../jobs/types.js';
import type { StoreContext } from '../stores/context.js';
import type { InboxDispatcher } from '../webhooks/inbox.js';
import { syncInventory } from './sync.js';
import { handleProductMessage, handleStockMessage, handleVariantMessage } from './webhooks.js';

export const INVENTORY_SYNC_JOB = 'inventory.sync';
export const INVENTORY_SCHEDULE = 'inventory';

export interface InventoryWiring {
  ctx: StoreContext;
  runner: Pick<JobRunner, 'register'>;
  dispatcher: Pick<InboxDispatcher, 'on'>;
}

export function registerInventory({ ctx, runner, dispatcher }: InventoryWiring): { schedules: ScheduleDefinition[] } {
  runner.register(
    INVENTORY_SYNC_JOB,
    async ({ job, signal }) => {
      const payload = (job.payload ?? {}) as { pointsBudget?: unknown };
      const result = await syncInventory(ctx, {
        signal,
        ...(typeof payload.pointsBudget === 'number' ? { pointsBudget: payload.pointsBudget } : {}),
      });
      // Auth, circuit or CJ limits: let the job system retry it with back-off (and dead-letter it,
      // which alerts, if it keeps failing). A run already in progress is not a failure.
      if (result.status === 'failed') throw new Error(result.note ?? 'inventory sync failed');
    },
    { timeoutMs: 60 * 60_000 },
  );
  dispatcher.on('cj', 'STOCK', handleStockMessage);
  dispatcher.on('cj', 'VARIANT', handleVariantMessage);
  dispatcher.on('cj', 'PRODUCT', handleProductMessage);
  return {
    schedules: [{ name: INVENTORY_SCHEDULE, intervalMs: ctx.config.schedules.inventory, jobType: INVENTORY_SYNC_JOB, payload: { trigger: 'schedule' } }],
  };
}
