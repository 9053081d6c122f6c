// The jobs area's public surface: enqueue in the caller's transaction, run with either runtime.
export * from './types.js';
export { enqueueJob } from './enqueue.js';
export { DbJobRunner, type DbJobRunnerOptions } from './db-runner.js';
export { BullJobRunner, type BullJobRunnerOptions } from './bullmq-runner.js';
export { OutboxRelay, releaseRelayedJobs, type OutboxRelayOptions } from './outbox-relay.js';
export { queueNameForStore, DEFAULT_BULLMQ_PREFIX, type DeliveryData } from './bullmq-delivery.js';
export { Scheduler, syncSchedules, scheduleDedupeKey, type ScheduleDefinition } from './scheduler.js';
export { createJobRunner, type JobRuntimeKind } from './factory.js';
export { JOB_LANES, DEFAULT_LANES, laneOf, jobSettingsSchema, type JobLane, type LaneConcurrency, type JobSettings } from './lanes.js';
