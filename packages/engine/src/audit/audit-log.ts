// The audit trail of what an actor did outside an order's own timeline (orders keep theirs in
// order_events): products hidden or re-priced, alerts acknowledged, scans started, CJ webhooks set.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { ActorName } from './actor.js';

export interface AuditEntry {
  actor: ActorName;
  /** Stable name, e.g. "product.hide", "alert.acknowledge", "scan.start", "cj.webhooks.enable". */
  action: string;
  subject: string;
  data?: Record<string, unknown>;
}

export interface AuditRecord extends Required<AuditEntry> {
  id: string;
  at: string;
}

export async function recordAudit(db: Kysely<Database> | Transaction<Database>, clock: Clock, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: randomUUID(),
      at: new Date(clock.now()).toISOString(),
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute();
}

/** Newest first; optionally one action or one subject. */
export async function listAudit(
  db: Kysely<Database>,
  filter: { action?: string; subject?: string; limit?: number } = {},
): Promise<AuditRecord[]> {
  let q = db.selectFrom('audit_events').selectAll();
  if (filter.action !== undefined) q = q.where('action', '=', filter.action);
  if (filter.subject !== undefined) q = q.where('subject', '=', filter.subject);
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 50).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor as ActorName,
    action: r.action,
    subject: r.subject,
    data: safeObject(r.data),
  }));
}

function safeObject(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
