// The owner (or their agent) marks alerts as read: one, or every unread one. Recorded with the
// actor on the alert and in the audit trail; acknowledging an acknowledged alert changes nothing.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-log.js';
import type { ActorName } from '../audit/actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';

export type AcknowledgeResult =
  | { ok: true; id: string; acknowledged: boolean; acknowledgedAt: string; acknowledgedBy: string }
  | { ok: false; code: 'not_found'; message: string };

export async function acknowledgeAlert(db: Kysely<Database>, clock: Clock, id: string, actor: ActorName): Promise<AcknowledgeResult> {
  const now = new Date(clock.now()).toISOString();
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('alerts')
      .set({ acknowledged_at: now, acknowledged_by: actor })
      .where('id', '=', id)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) {
      await recordAudit(trx, clock, { actor, action: 'alert.acknowledge', subject: id });
      return { ok: true as const, id, acknowledged: true, acknowledgedAt: now, acknowledgedBy: actor };
    }
    const row = await trx.selectFrom('alerts').select(['acknowledged_at', 'acknowledged_by']).where('id', '=', id).executeTakeFirst();
    if (!row) return { ok: false as const, code: 'not_found' as const, message: `no alert ${id}` };
    return { ok: true as const, id, acknowledged: false, acknowledgedAt: row.acknowledged_at!, acknowledgedBy: row.acknowledged_by ?? 'unknown' };
  });
}

/** Acknowledges every unread alert created up to now; answers how many. */
export async function acknowledgeAllAlerts(db: Kysely<Database>, clock: Clock, actor: ActorName): Promise<{ acknowledged: number }> {
  const now = new Date(clock.now()).toISOString();
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('alerts')
      .set({ acknowledged_at: now, acknowledged_by: actor })
      .where('acknowledged_at', 'is', null)
      .where('created_at', '<=', now)
      .executeTakeFirst();
    const n = Number(updated.numUpdatedRows);
    if (n > 0) await recordAudit(trx, clock, { actor, action: 'alert.acknowledge_all', subject: 'all', data: { count: n } });
    return { acknowledged: n };
  });
}
