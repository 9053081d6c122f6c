// The store's CJ token lives in its own database (table cj_tokens), so the token and the 5-minute
// getAccessToken rule survive restarts and are shared by every process of the store.
import { tokenRecordSchema, type CjTokenRecord, type TokenStore } from '@lojista/cj';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';

export class DbTokenStore implements TokenStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async load(accountId: string): Promise<CjTokenRecord | undefined> {
    const row = await this.db.selectFrom('cj_tokens').select('data').where('account_id', '=', accountId).executeTakeFirst();
    if (!row) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(row.data);
    } catch {
      return undefined;
    }
    const parsed = tokenRecordSchema.safeParse(json);
    // A damaged record is treated as absent; the client then re-authenticates within the rules.
    return parsed.success ? parsed.data : undefined;
  }

  async save(accountId: string, record: CjTokenRecord): Promise<void> {
    const data = JSON.stringify(record);
    const updated_at = new Date(this.clock.now()).toISOString();
    await this.db
      .insertInto('cj_tokens')
      .values({ account_id: accountId, data, updated_at })
      .onConflict((oc) => oc.column('account_id').doUpdateSet({ data, updated_at }))
      .execute();
  }
}
