// Full-text search over the catalogue: SQLite's FTS5 index on the embedded runtime, PostgreSQL's
// text search on the scale runtime (both built by migration 0004). The customer's words are folded
// (case, accents) and reduced to a few safe prefix terms here, so neither engine ever sees query
// syntax from a visitor, and both answer "pêndulos" and "PENDULO" alike. Results are ranked: a word
// in the title counts most, then tags and category, then the description.
import { sql } from 'kysely';
import type { StoreContext } from '../stores/context.js';
import { foldForSearch } from './product.js';

/** Words too common to narrow anything (PostgreSQL's Portuguese configuration drops them too). */
const STOP_WORDS = new Set(['a', 'o', 'as', 'os', 'e', 'de', 'da', 'do', 'das', 'dos', 'em', 'no', 'na', 'com', 'para', 'por', 'um', 'uma', 'the', 'and', 'of', 'for']);

/**
 * A word's plural folded back towards its singular, as a prefix: "cristais" → "crista", "velas" →
 * "vela", "pendulos" → "pendulo". Searched as a prefix, it still finds the plural itself.
 */
function singularPrefix(word: string): string {
  if (word.length <= 4) return word;
  if (/[aeiou]is$/.test(word)) return word.slice(0, -2);
  if (/oes$|aes$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ns')) return `${word.slice(0, -2)}`;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** The customer's query as at most 8 folded prefix terms of letters and digits only (no syntax survives). */
export function searchTerms(query: string): string[] {
  const words = foldForSearch(query)
    .split(' ')
    .filter((w) => w.length >= 2 || /^\d$/.test(w))
    .filter((w) => !STOP_WORDS.has(w));
  return [...new Set(words.map(singularPrefix))].slice(0, 8);
}

export interface RankedMatch {
  id: string;
  /** Higher is better. */
  rank: number;
}

/** Products (any status) matching every term, best first; at most `limit`. */
export async function rankedMatches(ctx: StoreContext, query: string, limit = 1000): Promise<RankedMatch[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  if (ctx.dialect === 'postgres') {
    const tsquery = terms.map((t) => `${t}:*`).join(' & ');
    const { rows } = await sql<{ id: string; rank: number }>`
      select id, ts_rank(search_vector, q) as rank
      from products, to_tsquery('portuguese', ${tsquery}) q
      where search_vector @@ q
      order by rank desc, id
      limit ${limit}`.execute(ctx.db);
    return rows.map((r) => ({ id: r.id, rank: Number(r.rank) }));
  }
  // FTS5: each term quoted (a bare word can never be read as an operator) and matched as a prefix.
  const match = terms.map((t) => `"${t}"*`).join(' ');
  const { rows } = await sql<{ id: string; rank: number }>`
    select p.id as id, bm25(products_fts, 10.0, 5.0, 4.0, 2.0, 1.0) as rank
    from products_fts join products p on p.rowid = products_fts.rowid
    where products_fts match ${match}
    order by rank, p.id
    limit ${limit}`.execute(ctx.db);
  // bm25 is lower-is-better and negative; turn it round so both engines read alike.
  return rows.map((r) => ({ id: r.id, rank: -Number(r.rank) }));
}
