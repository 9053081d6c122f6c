// When the fulfilment job last sent a create to CJ for the order. Written (and committed) before the
// create leaves, so a run that finds it empty knows no earlier attempt can have reached CJ and may
// create without first asking CJ for the order — one lookup fewer on every first attempt.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('cj_submitted_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').dropColumn('cj_submitted_at').execute();
}
