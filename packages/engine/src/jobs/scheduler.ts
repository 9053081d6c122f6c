// Periodic jobs (catalogue scan every 4 h, order reconciliation every 5 min, …). A schedule is a row
// with its next due time; claiming it is one conditional UPDATE, so with several processes exactly
// one enqueues each occurrence, and the job's dedupe key means a slow run is never overlapped by the
// next one.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { enqueueJob } from './enqueue.js';

export interface ScheduleDefinition {
  name: string;
  intervalMs: number;
  jobType: string;
  payload?: unknown;
  /** Delay before the first occurrence of a brand-new schedule; default one interval. */
  firstRunAfterMs?: number;
}

export function scheduleDedupeKey(name: string): string {
  return `schedule:${name}`;
}

/** Creates missing schedules and applies changed intervals without losing their place. */
export async function syncSchedules(db: Kysely<Database>, clock: Clock, defs: ScheduleDefinition[]): Promise<void> {
  const now = clock.now();
  for (const def of defs) {
    const existing = await db.selectFrom('schedules').selectAll().where('name', '=', def.name).executeTakeFirst();
    if (!existing) {
      await db
        .insertInto('schedules')
        .values({
          name: def.name,
          interval_ms: def.intervalMs,
          next_run_at: new Date(now + (def.firstRunAfterMs ?? def.intervalMs)).toISOString(),
          last_run_at: null,
        })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    } else if (existing.interval_ms !== def.intervalMs) {
      const base = existing.last_run_at ? Date.parse(existing.last_run_at) : now;
      const next = Math.min(Date.parse(existing.next_run_at), base + def.intervalMs);
      await db
        .updateTable('schedules')
        .set({ interval_ms: def.intervalMs, next_run_at: new Date(next).toISOString() })
        .where('name', '=', def.name)
        .execute();
    }
  }
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly defs: ScheduleDefinition[],
    private readonly onEnqueued: () => void = () => undefined,
    private readonly tickMs = 1_000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.ticking) this.ticking = this.tick().then(() => undefined).finally(() => (this.ticking = null));
    }, this.tickMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /** Enqueues every due schedule once; returns the names that were enqueued. */
  async tick(): Promise<string[]> {
    const enqueued: string[] = [];
    for (const def of this.defs) {
      try {
        if (await this.fire(def)) enqueued.push(def.name);
      } catch (err) {
        this.log.error({ err, schedule: def.name }, 'schedule tick failed');
      }
    }
    if (enqueued.length > 0) this.onEnqueued();
    return enqueued;
  }

  private async fire(def: ScheduleDefinition): Promise<boolean> {
    const now = this.clock.now();
    const nowIso = new Date(now).toISOString();
    return this.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('schedules')
        .set({ next_run_at: new Date(now + def.intervalMs).toISOString(), last_run_at: nowIso })
        .where('name', '=', def.name)
        .where('next_run_at', '<=', nowIso)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return false;
      const id = await enqueueJob(trx, this.clock, {
        type: def.jobType,
        payload: def.payload,
        dedupeKey: scheduleDedupeKey(def.name),
        maxAttempts: 3,
      });
      if (id === null) this.log.info({ schedule: def.name }, 'previous run still queued or running; skipping this occurrence');
      return id !== null;
    });
  }
}
