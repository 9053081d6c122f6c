// The disputes area: rules per store (and per country), one CJ dispute per order and rule ever,
// status sync, and the operator's API. The store runtime wires it with `registerDisputes`.
import type { StoreApp } from '../http/app-types.js';
import type { ScheduleDefinition } from '../jobs/scheduler.js';
import type { JobRunner } from '../jobs/types.js';
import type { StoreContext } from '../stores/context.js';
import { disputeAdminRoutes } from './admin-routes.js';
import { DISPUTES_JOB, checkDisputes } from './check.js';

export { DISPUTES_JOB, checkDisputes, type CheckOptions, type CheckSummary } from './check.js';
export { openDispute, type OpenOutcome, type OpenResult } from './open-dispute.js';
export { syncDisputes, syncOne, type SyncSummary } from './sync.js';
export { cancelDispute, disputeDetail, getDispute, listDisputes, type CancelResult, type DisputeView } from './admin.js';
export { disputeAdminRoutes } from './admin-routes.js';
export { ourStatus, findOurDispute, FINALLY_DEAL } from './cj-disputes.js';
export { DISPUTE_RULES, businessDisputeId, chooseReason, dueAt, ruleApplies, type DisputeRule } from './rules.js';
export { disputeSettingsSchema, rulesFor, type DisputeSettings } from './settings.js';

/** The schedule's name; its interval is the store's `schedules.disputes` (30 minutes by default). */
export const DISPUTES_SCHEDULE = 'disputes';

export interface DisputesRegistration {
  schedules: ScheduleDefinition[];
  routes: (app: StoreApp) => void;
}

/** Registers the check job on the runner; returns the schedule and the admin routes for the runtime to add. */
export function registerDisputes({ ctx, runner }: { ctx: StoreContext; runner: Pick<JobRunner, 'register'> }): DisputesRegistration {
  runner.register(
    DISPUTES_JOB,
    async ({ signal }) => {
      await checkDisputes(ctx, { signal });
    },
    { timeoutMs: 30 * 60_000 },
  );
  return {
    schedules: [{ name: DISPUTES_SCHEDULE, intervalMs: ctx.config.schedules.disputes, jobType: DISPUTES_JOB }],
    routes: disputeAdminRoutes(ctx),
  };
}
