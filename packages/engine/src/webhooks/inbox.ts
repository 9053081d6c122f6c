// Webhooks (CJ, Stripe) are acknowledged at once and stored here, de-duplicated on the sender's
// message id, with a job to process them — so a slow or failing handler never makes the sender
// retry, a retried delivery is processed once, and nothing is lost if the process dies.
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, InboxTable } from '../db/schema.js';
import { enqueueJob } from '../jobs/enqueue.js';
import type { StoreContext } from '../stores/context.js';

export const INBOX_JOB = 'webhook.process';

/** Stores a delivery and its processing job in one transaction; false when it was seen before. */
export async function acceptIntoInbox(
  db: Kysely<Database>,
  clock: Clock,
  entry: { id: string; source: InboxTable['source']; type: string; payload: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('inbox')
      .values({ ...entry, status: 'received', received_at: new Date(clock.now()).toISOString(), processed_at: null, error: null })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
    await enqueueJob(trx, clock, { type: INBOX_JOB, payload: { id: entry.id }, dedupeKey: `inbox:${entry.id}` });
    return true;
  });
}

export type InboxHandler = (ctx: StoreContext, row: InboxTable, signal: AbortSignal) => Promise<'processed' | 'ignored'>;

/** Routes stored webhooks to the area that handles their source and type. */
export class InboxDispatcher {
  private readonly handlers = new Map<string, InboxHandler>();

  on(source: InboxTable['source'], type: string, handler: InboxHandler): void {
    this.handlers.set(`${source}:${type}`, handler);
  }

  /** The job handler: processes one stored webhook once; a failure is retried by the job system. */
  async process(ctx: StoreContext, id: string, signal: AbortSignal): Promise<void> {
    const row = await ctx.db.selectFrom('inbox').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.status === 'processed' || row.status === 'ignored') return;
    const handler = this.handlers.get(`${row.source}:${row.type}`);
    const now = () => new Date(ctx.clock.now()).toISOString();
    const lag = () => ctx.metrics.webhookLagSeconds.observe({ source: row.source }, Math.max(0, ctx.clock.now() - Date.parse(row.received_at)) / 1000);
    if (!handler) {
      await ctx.db.updateTable('inbox').set({ status: 'ignored', processed_at: now() }).where('id', '=', id).execute();
      lag();
      return;
    }
    try {
      const outcome = await handler(ctx, row, signal);
      await ctx.db.updateTable('inbox').set({ status: outcome, processed_at: now(), error: null }).where('id', '=', id).execute();
      lag();
    } catch (err) {
      await ctx.db.updateTable('inbox').set({ status: 'failed', error: (err as Error).message.slice(0, 1000) }).where('id', '=', id).execute();
      throw err;
    }
  }
}
