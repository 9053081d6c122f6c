// Counts the statements that may have written, as they finish: readers that keep something derived
// from the database (the catalogue version, catalog/catalog-version.ts) compare the count instead of
// asking the database on every request. Anything that is not a SELECT counts (inserts, updates,
// deletes, raw SQL), since a false "maybe changed" costs one cheap re-read and a missed write would
// serve stale data.
import { SelectQueryNode, type KyselyPlugin, type QueryId } from 'kysely';

export class WriteCounter implements KyselyPlugin {
  private count = 0;
  private readonly writing = new WeakSet<QueryId>();

  /** Statements that may have written and have finished without error, in this process. */
  get writes(): number {
    return this.count;
  }

  transformQuery: KyselyPlugin['transformQuery'] = ({ node, queryId }) => {
    if (!SelectQueryNode.is(node)) this.writing.add(queryId);
    return node;
  };

  transformResult: KyselyPlugin['transformResult'] = async ({ result, queryId }) => {
    // After the statement ran: a reader that then looks sees the write (on SQLite, a transaction
    // holds the only connection until it commits, so that reader waits for the commit).
    if (this.writing.has(queryId)) this.count++;
    return result;
  };
}
