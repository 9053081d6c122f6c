// Leads as CSV for the owner's mailing tool. A cell a spreadsheet would read as a formula (starting
// with = + - @, a tab or a carriage return) is prefixed with an apostrophe, so a visitor's "name"
// can never run in the owner's spreadsheet; every cell is quoted, quotes doubled.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const LEADS_CSV_HEADER = ['name', 'email', 'source', 'consent', 'consent_at'];

/** Every lead, oldest first, as CSV lines (header first); read in pages so a large list never sits in memory whole. */
export async function* leadsCsv(db: Kysely<Database>, pageSize = 500): AsyncGenerator<string> {
  yield csvLine(LEADS_CSV_HEADER);
  for (let offset = 0; ; offset += pageSize) {
    const rows = await db.selectFrom('leads').selectAll().orderBy('created_at').orderBy('id').limit(pageSize).offset(offset).execute();
    for (const r of rows) yield csvLine([r.name, r.email, r.source, r.consent === 1 ? 'yes' : 'no', r.created_at]);
    if (rows.length < pageSize) return;
  }
}
