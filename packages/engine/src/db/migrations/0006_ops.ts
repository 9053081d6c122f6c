// Operations: the metrics read the webhooks still waiting on every scrape (lojista_webhooks_pending,
// lojista_webhook_oldest_pending_seconds); the inbox grows with every webhook ever received, so that
// read must not scan it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('inbox_status_received').on('inbox').columns(['status', 'received_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('inbox_status_received').ifExists().execute();
}
