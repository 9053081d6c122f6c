// Recent webhooks for the owner: what arrived, from whom, and what became of it.
import type { Kysely } from 'kysely';
import type { Database, InboxTable } from '../db/schema.js';

export type InboxEntry = Omit<InboxTable, 'payload'>;

export async function recentInbox(db: Kysely<Database>, opts: { source?: InboxTable['source']; page: number; limit: number }): Promise<{ total: number; items: InboxEntry[] }> {
  let base = db.selectFrom('inbox');
  if (opts.source) base = base.where('source', '=', opts.source);
  const { n } = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const items = await base
    .select(['id', 'source', 'type', 'status', 'received_at', 'processed_at', 'error'])
    .orderBy('received_at', 'desc')
    .orderBy('id')
    .limit(opts.limit)
    .offset((opts.page - 1) * opts.limit)
    .execute();
  return { total: Number(n), items };
}
