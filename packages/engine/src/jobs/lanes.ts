// Lanes: each kind of job runs in its own lane with its own concurrency, so one kind cannot starve
// another. Before lanes, a burst of ~300 paid orders (fulfilment jobs that wait on CJ's 1-QPS
// budget) held 1,364 CJ webhooks back for minutes behind 2 shared slots, and a stock-out stayed on
// sale all that time (issue 10 §3). Both runtimes honour the lanes: the database runner claims only
// types whose lane has a free slot, the BullMQ runner has one queue and worker per lane.
import { z } from 'zod';

export const JOB_LANES = ['webhooks', 'fulfilment', 'sync', 'scan', 'other'] as const;
export type JobLane = (typeof JOB_LANES)[number];

/** Jobs each lane runs at once, per process. */
export type LaneConcurrency = Record<JobLane, number>;

export const DEFAULT_LANES: LaneConcurrency = { webhooks: 2, fulfilment: 2, sync: 1, scan: 1, other: 1 };

/** The lane of each job type the engine knows; a type not listed (or a new one) runs in `other`. */
const LANE_OF_TYPE: Readonly<Record<string, JobLane>> = {
  'webhook.process': 'webhooks',
  'orders.fulfil': 'fulfilment',
  'orders.reconcile': 'fulfilment',
  'inventory.sync': 'sync',
  'disputes.check': 'sync',
  'catalog.scan': 'scan',
};

export function laneOf(type: string): JobLane {
  return Object.hasOwn(LANE_OF_TYPE, type) ? LANE_OF_TYPE[type]! : 'other';
}

const slots = (lane: JobLane) => z.number().int().min(1).max(32).default(DEFAULT_LANES[lane]);

/** `jobs:` in a store's config. */
export const jobSettingsSchema = z
  .object({
    /** Jobs run at once per lane and engine process (PM2/containers multiply it on the scale runtime). */
    lanes: z
      .object({
        /** CJ and Stripe webhooks taken from the inbox: stock-outs hidden, orders advanced. Quick, mostly database. */
        webhooks: slots('webhooks'),
        /** Paid orders sent to CJ (create → confirm → pay) and the order reconciliation. */
        fulfilment: slots('fulfilment'),
        /** The inventory sync and the dispute checks. */
        sync: slots('sync'),
        /** Catalogue scans (one runs at a time anyway). */
        scan: slots('scan'),
        /** Everything else: backups, cart clean-up. */
        other: slots('other'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type JobSettings = z.output<typeof jobSettingsSchema>;
