// One job interface for both runtimes. A job is a row in the store's `jobs` table, written in the
// same transaction as the state change that needs it (the outbox). The embedded runtime runs jobs
// straight from that table with leases; the scale runtime relays the rows into BullMQ on Redis.
// Jobs are at-least-once: every handler must be idempotent.

import type { JobLane } from './lanes.js';

export interface JobSpec {
  type: string;
  payload?: unknown;
  /** While a job with this key is queued or running, enqueueing another one is a no-op. */
  dedupeKey?: string;
  /** Epoch ms; default now. */
  runAt?: number;
  /** Attempts before the job is dead-lettered; default 8. */
  maxAttempts?: number;
}

export interface JobRecord {
  id: string;
  type: string;
  payload: unknown;
  attempt: number;
  maxAttempts: number;
  dedupeKey: string | null;
}

export interface JobContext {
  job: JobRecord;
  /** Aborted when the runner shuts down past its deadline or the lease is lost. */
  signal: AbortSignal;
}

export type JobHandler = (ctx: JobContext) => Promise<void>;

export interface JobTypeOptions {
  /** Wall-clock limit of one attempt; default 10 minutes. */
  timeoutMs?: number;
  /** The lane the type runs in (own concurrency, see lanes.ts); default `laneOf(type)`. */
  lane?: JobLane;
}

/** Thrown by a handler that cannot proceed yet: retried after `delayMs` without burning an attempt. */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

export interface DeadJobEvent {
  job: JobRecord;
  error: string;
}

export interface JobRunner {
  register(type: string, handler: JobHandler, opts?: JobTypeOptions): void;
  start(): void;
  /** Stops taking jobs and waits for running ones up to `deadlineMs`, then aborts them. */
  stop(deadlineMs?: number): Promise<void>;
  /** Look for work now (after a commit that enqueued a job) instead of at the next poll. */
  poke(): void;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

/** Exponential backoff with full jitter, capped; attempt is 1-based. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = 2_000 * 2 ** Math.min(attempt - 1, 10);
  const capped = Math.min(base, 15 * 60_000);
  return Math.round(capped / 2 + random() * (capped / 2));
}
