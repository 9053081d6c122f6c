// The translation cache in the store's database (table `translations`), so a text is translated
// once for the life of the store, across restarts — DeepL characters and model tokens cost money.
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { TranslationCache, TranslationCacheMeta } from './cache.js';

export class DbTranslationCache implements TranslationCache {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('translations').select('text').where('key', '=', key).executeTakeFirst();
    return row?.text;
  }

  async set(key: string, value: string, meta: TranslationCacheMeta): Promise<void> {
    await this.db
      .insertInto('translations')
      .values({ key, provider: meta.provider, locale: meta.locale, kind: meta.kind, text: value, created_at: new Date(this.clock.now()).toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ text: value }))
      .execute();
  }
}
