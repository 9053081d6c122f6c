// The store-wide "has the catalogue changed?" answer that every cache of catalogue responses keys on
// (the storefront's rendered pages and the public JSON). Migration 0004's triggers bump
// storefront_version on every write to products or variants by any writer, so one primary-key read
// tells whether cached responses are still true. That read is not made per request: it is repeated
// when this process has written anything since (db/write-counter.ts: an admin edit or a scan is seen
// by the next request), and at least every `maxAgeMs` for writers in other processes (another
// instance of the scale runtime, a CLI command), so a change from anywhere shows within a second.
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface CatalogChangeSignal {
  /** An opaque token that differs after any catalogue write; null when unknown (then nothing is cached). */
  version(): Promise<string | null>;
  /**
   * The version without waiting, when it is known and fresh (no write since it was read, younger
   * than its maximum age); undefined when only version() can tell. Early answers use it: a stale or
   * unknown version sends the request the long way, where version() reads it again.
   */
  current?(): string | undefined;
}

/** How stale a cached response may be after a write in another process (real time, not the store's clock). */
export const CATALOG_VERSION_MAX_AGE_MS = 250;

export class CatalogVersion implements CatalogChangeSignal {
  private value: string | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private seenWrites = -1;
  private pending: { writes: number; promise: Promise<string | null> } | null = null;
  private readonly query;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly writes: () => number,
    private readonly maxAgeMs = CATALOG_VERSION_MAX_AGE_MS,
  ) {
    // Compiled once: it is re-read often under load.
    this.query = db.selectFrom('storefront_version').select('version').where('id', '=', 1).compile();
  }

  version(): Promise<string | null> {
    const writes = this.writes();
    if (writes === this.seenWrites && performance.now() - this.checkedAt < this.maxAgeMs) return Promise.resolve(this.value);
    // Requests arriving together share one read, unless a write landed after that read was asked.
    if (this.pending && this.pending.writes === writes) return this.pending.promise;
    const promise = this.read(writes);
    this.pending = { writes, promise };
    return promise;
  }

  current(): string | undefined {
    if (this.value === null || this.writes() !== this.seenWrites || performance.now() - this.checkedAt >= this.maxAgeMs) return undefined;
    return this.value;
  }

  private async read(writes: number): Promise<string | null> {
    const started = performance.now();
    try {
      const { rows } = await this.db.executeQuery(this.query);
      const value = rows[0] ? `c${String(rows[0].version)}` : null;
      // A newer read may have finished first; keep the newest.
      if (writes >= this.seenWrites) {
        this.value = value;
        this.seenWrites = writes;
        this.checkedAt = started;
      }
      return value;
    } catch {
      // An unknown version caches nothing (the database closing under a request, for one).
      return null;
    } finally {
      if (this.pending?.writes === writes) this.pending = null;
    }
  }
}
