// What a scan remembers between runs: where each keyword's paging got to, and which products were
// rejected (with the listing they were rejected for, so a changed listing is looked at again).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Rejection } from './candidate.js';

type Db = Kysely<Database>;

export async function nextPage(db: Db, keyword: string): Promise<number> {
  const row = await db.selectFrom('search_cursors').select('next_page').where('keyword', '=', keyword).executeTakeFirst();
  return row?.next_page ?? 1;
}

/**
 * Moves a keyword's cursor past `page`. At the end of the results (or CJ's page 1000 ceiling) it
 * wraps to page 1, so later runs revisit the first pages for new and changed listings.
 */
export async function advanceCursor(db: Db, keyword: string, page: number, totalPages: number, nowIso: string): Promise<number> {
  const next = page >= Math.min(totalPages, 1000) ? 1 : page + 1;
  await db
    .insertInto('search_cursors')
    .values({ keyword, next_page: next, total_pages: totalPages, updated_at: nowIso })
    .onConflict((oc) => oc.column('keyword').doUpdateSet({ next_page: next, total_pages: totalPages, updated_at: nowIso }))
    .execute();
  return next;
}

export interface RememberedRejection extends Rejection {
  listingHash: string;
  rejectedAt: string;
  times: number;
}

export async function rejectionsFor(db: Db, pids: string[]): Promise<Map<string, RememberedRejection>> {
  const out = new Map<string, RememberedRejection>();
  if (pids.length === 0) return out;
  const rows = await db.selectFrom('rejections').selectAll().where('cj_pid', 'in', pids).execute();
  for (const r of rows) {
    out.set(r.cj_pid, {
      gate: r.gate as Rejection['gate'],
      code: r.code,
      reason: r.reason,
      listingHash: r.listing_hash,
      rejectedAt: r.rejected_at,
      times: r.times,
    });
  }
  return out;
}

export async function rememberRejection(db: Db, pid: string, listingHash: string, rejection: Rejection, nowIso: string): Promise<void> {
  await db
    .insertInto('rejections')
    .values({
      cj_pid: pid,
      gate: rejection.gate,
      code: rejection.code,
      reason: rejection.reason,
      listing_hash: listingHash,
      rejected_at: nowIso,
      times: 1,
    })
    .onConflict((oc) =>
      oc.column('cj_pid').doUpdateSet((eb) => ({
        gate: rejection.gate,
        code: rejection.code,
        reason: rejection.reason,
        listing_hash: listingHash,
        rejected_at: nowIso,
        times: eb('rejections.times', '+', 1),
      })),
    )
    .execute();
}

export async function forgetRejection(db: Db, pid: string): Promise<void> {
  await db.deleteFrom('rejections').where('cj_pid', '=', pid).execute();
}
