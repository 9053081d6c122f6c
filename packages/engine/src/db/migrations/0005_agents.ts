// The agent face and the owner's acts: agent tokens for the MCP server (only a hash of each token is
// kept; a stolen database gives no live token), the acknowledgement of alerts, and an audit trail of
// what an actor (the owner, an agent) did outside an order's own timeline.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agent_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('scope', 'text', (c) => c.notNull())
    // SHA-256 hex of the token: tokens are 32 random bytes, so a fast hash is enough.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.alterTable('alerts').addColumn('acknowledged_at', 'text').execute();
  await db.schema.alterTable('alerts').addColumn('acknowledged_by', 'text').execute();
  await db.schema.createIndex('alerts_unacknowledged').on('alerts').columns(['acknowledged_at', 'created_at']).execute();
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    /** "owner", "admin-token", "agent:<token name>", "cli". */
    .addColumn('actor', 'text', (c) => c.notNull())
    /** Stable action name, e.g. "product.hide", "alert.acknowledge", "scan.start". */
    .addColumn('action', 'text', (c) => c.notNull())
    /** What it acted on (a product id, an alert id, "all"…). */
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_at').on('audit_events').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_events').execute();
  await db.schema.dropIndex('alerts_unacknowledged').execute();
  await db.schema.alterTable('alerts').dropColumn('acknowledged_by').execute();
  await db.schema.alterTable('alerts').dropColumn('acknowledged_at').execute();
  await db.schema.dropTable('agent_tokens').execute();
}
