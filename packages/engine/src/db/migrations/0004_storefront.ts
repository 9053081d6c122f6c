// The storefront's tables, kept up to date by the database itself so no catalogue writer (scanner,
// inventory, admin edits) has to remember them:
// - slug_history: every slug a product has had, so an old link answers 301 to the new one;
// - full-text search over title, tags, category, English title and description: an FTS5 index on SQLite, a weighted tsvector
//   column with a GIN index on PostgreSQL; both fold case and accents ("Pêndulo" = "pendulo");
// - storefront_version: a counter bumped by every write to products or variants, so rendered pages can
//   be cached and dropped the moment the catalogue changes, on every instance of the store. It is the
//   store's one catalogue version: rendered pages and the public JSON's cache both follow it
//   (catalog/catalog-version.ts).
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Accented letters of Portuguese (and neighbours) and their plain forms, for PostgreSQL's translate(). */
export const PG_ACCENTS_FROM = 'áàâãäåéèêëíìîïóòôõöúùûüçñýÿ';
export const PG_ACCENTS_TO = 'aaaaaaeeeeiiiiooooouuuucnyy';

const fold = (column: string) => `translate(lower(coalesce(${column}, '')), '${PG_ACCENTS_FROM}', '${PG_ACCENTS_TO}')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('slug_history')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('slug_history_product').on('slug_history').column('product_id').execute();

  await db.schema
    .createTable('storefront_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into storefront_version (id, version) values (1, 1)`.execute(db);

  if (isPostgres(db)) await upPostgres(db);
  else await upSqlite(db);
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  // External-content FTS5 over products: the index holds only tokens; rowid is the products rowid.
  await sql`create virtual table products_fts using fts5(
    title, tags, category, title_en, description,
    content='products', content_rowid='rowid',
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`insert into products_fts(products_fts) values ('rebuild')`.execute(db);
  await sql`create trigger products_fts_insert after insert on products begin
    insert into products_fts(rowid, title, tags, category, title_en, description) values (new.rowid, new.title, new.tags, new.category, new.title_en, new.description);
  end`.execute(db);
  await sql`create trigger products_fts_delete after delete on products begin
    insert into products_fts(products_fts, rowid, title, tags, category, title_en, description) values ('delete', old.rowid, old.title, old.tags, old.category, old.title_en, old.description);
  end`.execute(db);
  await sql`create trigger products_fts_update after update of title, tags, category, title_en, description on products begin
    insert into products_fts(products_fts, rowid, title, tags, category, title_en, description) values ('delete', old.rowid, old.title, old.tags, old.category, old.title_en, old.description);
    insert into products_fts(rowid, title, tags, category, title_en, description) values (new.rowid, new.title, new.tags, new.category, new.title_en, new.description);
  end`.execute(db);

  await sql`create trigger products_slug_history after update of slug on products when old.slug <> new.slug begin
    delete from slug_history where slug = new.slug;
    insert or replace into slug_history (slug, product_id, changed_at) values (old.slug, new.id, new.updated_at);
  end`.execute(db);

  for (const table of ['products', 'variants']) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql
        .raw(`create trigger ${table}_storefront_version_${event} after ${event} on ${table} begin
          update storefront_version set version = version + 1 where id = 1;
        end`)
        .execute(db);
    }
  }
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  // A generated column: always in step with the row, whoever writes it. translate() folds accents
  // with built-ins only (the unaccent extension is database-wide and not immutable).
  await sql
    .raw(
      `alter table products add column search_vector tsvector generated always as (
        setweight(to_tsvector('portuguese'::regconfig, ${fold('title')}), 'A') ||
        setweight(to_tsvector('portuguese'::regconfig, ${fold('tags')} || ' ' || ${fold('category')}), 'B') ||
        setweight(to_tsvector('simple'::regconfig, ${fold('title_en')}), 'D') ||
        setweight(to_tsvector('portuguese'::regconfig, ${fold('description')}), 'C')
      ) stored`,
    )
    .execute(db);
  await sql`create index products_search on products using gin (search_vector)`.execute(db);

  await sql`create function products_slug_history() returns trigger language plpgsql as $$
    begin
      if old.slug <> new.slug then
        delete from slug_history where slug = new.slug;
        insert into slug_history (slug, product_id, changed_at) values (old.slug, new.id, new.updated_at)
          on conflict (slug) do update set product_id = excluded.product_id, changed_at = excluded.changed_at;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger products_slug_history after update of slug on products
    for each row execute function products_slug_history()`.execute(db);

  await sql`create function storefront_version_bump() returns trigger language plpgsql as $$
    begin
      update storefront_version set version = version + 1 where id = 1;
      return null;
    end $$`.execute(db);
  // Once per statement, not per row: a scan's upsert of 50 variants bumps it once.
  for (const table of ['products', 'variants']) {
    await sql
      .raw(`create trigger ${table}_storefront_version after insert or update or delete on ${table} for each statement execute function storefront_version_bump()`)
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of ['products', 'variants']) await sql.raw(`drop trigger if exists ${table}_storefront_version on ${table}`).execute(db);
    await sql`drop trigger if exists products_slug_history on products`.execute(db);
    await sql`drop function if exists storefront_version_bump()`.execute(db);
    await sql`drop function if exists products_slug_history()`.execute(db);
    await sql`drop index if exists products_search`.execute(db);
    await sql`alter table products drop column if exists search_vector`.execute(db);
  } else {
    for (const table of ['products', 'variants']) {
      for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger if exists ${table}_storefront_version_${event}`).execute(db);
    }
    for (const t of ['products_slug_history', 'products_fts_insert', 'products_fts_delete', 'products_fts_update']) {
      await sql.raw(`drop trigger if exists ${t}`).execute(db);
    }
    await sql`drop table if exists products_fts`.execute(db);
  }
  await db.schema.dropTable('storefront_version').execute();
  await db.schema.dropTable('slug_history').execute();
}
