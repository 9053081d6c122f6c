// The alerts table: every raised alert is kept (history for the admin API), with what happened on
// each channel. The service's de-duplication and hourly limit are answered from here, so they hold
// across restarts and across engine processes sharing the store's database.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { SUPPRESSED_SUMMARY_KIND, type Severity, type StoredAlertKind } from './alert-kinds.js';
import { SUPPRESSED_TOKEN_PATTERN, type Delivery } from './delivery.js';
import { parseJsonObject } from './json-text.js';

export interface AlertRecord {
  id: string;
  kind: StoredAlertKind;
  severity: Severity;
  subject: string;
  message: string;
  data: Record<string, unknown>;
  /** ISO-8601 UTC. */
  createdAt: string;
  delivery: Delivery;
  /** When and by whom it was acknowledged; null while unread. */
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export async function insertAlert(
  db: Kysely<Database>,
  alert: Omit<AlertRecord, 'data' | 'acknowledgedAt' | 'acknowledgedBy'> & { dataText: string; dedupeKey: string },
): Promise<void> {
  await db
    .insertInto('alerts')
    .values({
      id: alert.id,
      kind: alert.kind,
      severity: alert.severity,
      subject: alert.subject,
      message: alert.message,
      data: alert.dataText,
      dedupe_key: alert.dedupeKey,
      created_at: alert.createdAt,
      delivery: JSON.stringify(alert.delivery),
    })
    .execute();
}

export async function updateDelivery(db: Kysely<Database>, id: string, delivery: Delivery): Promise<void> {
  await db.updateTable('alerts').set({ delivery: JSON.stringify(delivery) }).where('id', '=', id).execute();
}

/** The id of an alert with this key recorded after `sinceIso` (exclusive), if any. */
export async function findRecentByKey(db: Kysely<Database>, key: string, sinceIso: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('alerts')
    .select('id')
    .where('dedupe_key', '=', key)
    .where('created_at', '>', sinceIso)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** Alerts recorded after `sinceIso` that went (or are going) out, i.e. not suppressed. */
export async function countSentSince(db: Kysely<Database>, sinceIso: string): Promise<number> {
  const { n } = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('created_at', '>', sinceIso)
    .where('delivery', 'not like', SUPPRESSED_TOKEN_PATTERN)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export interface SuppressedBacklog {
  total: number;
  byKind: Record<string, number>;
  firstAt?: string;
  lastAt?: string;
}

/** Alerts suppressed since the last "N alerts suppressed" summary (ids are time-ordered). */
export async function suppressedSinceLastSummary(db: Kysely<Database>): Promise<SuppressedBacklog> {
  const last = await db
    .selectFrom('alerts')
    .select('id')
    .where('kind', '=', SUPPRESSED_SUMMARY_KIND)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  let query = db
    .selectFrom('alerts')
    .select((eb) => ['kind', eb.fn.countAll().as('n'), eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')])
    .where('delivery', 'like', SUPPRESSED_TOKEN_PATTERN)
    .groupBy('kind');
  if (last) query = query.where('id', '>', last.id);
  const rows = await query.execute();
  const backlog: SuppressedBacklog = { total: 0, byKind: {} };
  for (const row of rows) {
    const n = Number(row.n);
    backlog.total += n;
    backlog.byKind[row.kind] = n;
    if (backlog.firstAt === undefined || row.first < backlog.firstAt) backlog.firstAt = row.first;
    if (backlog.lastAt === undefined || row.last > backlog.lastAt) backlog.lastAt = row.last;
  }
  return backlog;
}

export interface AlertPage {
  total: number;
  items: AlertRecord[];
}

/** Stored alerts for the admin API, newest first; optionally only one kind. */
export async function listAlerts(
  db: Kysely<Database>,
  page: { limit: number; offset: number; kind?: string | undefined; unread?: boolean | undefined },
): Promise<AlertPage> {
  let rows = db.selectFrom('alerts').selectAll();
  let count = db.selectFrom('alerts').select((eb) => eb.fn.countAll().as('n'));
  if (page.kind !== undefined) {
    rows = rows.where('kind', '=', page.kind);
    count = count.where('kind', '=', page.kind);
  }
  if (page.unread === true) {
    rows = rows.where('acknowledged_at', 'is', null);
    count = count.where('acknowledged_at', 'is', null);
  }
  const items = await rows
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const { n } = await count.executeTakeFirstOrThrow();
  return { total: Number(n), items: items.map(toRecord) };
}

function toRecord(row: {
  id: string;
  kind: string;
  severity: Severity;
  subject: string;
  message: string;
  data: string;
  created_at: string;
  delivery: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}): AlertRecord {
  return {
    id: row.id,
    kind: row.kind as StoredAlertKind,
    severity: row.severity,
    subject: row.subject,
    message: row.message,
    data: parseJsonObject(row.data),
    createdAt: row.created_at,
    delivery: parseJsonObject(row.delivery) as Delivery,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
  };
}
