// What a scan remembers between runs, on SQLite and PostgreSQL: the search cursor per keyword and
// the rejections with the listing they were made for.
import { describe, expect, it } from 'vitest';
import { advanceCursor, forgetRejection, nextPage, rejectionsFor, rememberRejection } from '../../src/catalog/scan-state.js';
import { databaseKinds, freshDatabase, skipUnavailable } from '../support/databases.js';

const kinds = await databaseKinds();

describe.each(kinds)('scan state on $name', (kind) => {
  if (skipUnavailable(kind)) return;
  const store = freshDatabase(kind);

  it('keeps a cursor per keyword that moves a page at a time and wraps at the end', async () => {
    const { db } = store;
    expect(await nextPage(db, 'amethyst')).toBe(1);
    expect(await advanceCursor(db, 'amethyst', 1, 3, '2026-11-30T10:00:00.000Z')).toBe(2);
    expect(await nextPage(db, 'amethyst')).toBe(2);
    expect(await advanceCursor(db, 'amethyst', 2, 3, '2026-11-30T10:01:00.000Z')).toBe(3);
    // The last page: back to page 1 so later runs see new and changed listings.
    expect(await advanceCursor(db, 'amethyst', 3, 3, '2026-11-30T10:02:00.000Z')).toBe(1);
    expect(await nextPage(db, 'amethyst')).toBe(1);
    // Another keyword (or keyword within a category) has its own cursor.
    expect(await nextPage(db, 'amethyst|CAT-1')).toBe(1);
    await advanceCursor(db, 'tarot', 1, 9, '2026-11-30T10:03:00.000Z');
    expect(await nextPage(db, 'tarot')).toBe(2);
    expect(await nextPage(db, 'amethyst')).toBe(1);
    // The results shrank below the cursor: it wraps instead of asking for pages that do not exist.
    expect(await advanceCursor(db, 'tarot', 5, 2, '2026-11-30T10:04:00.000Z')).toBe(1);
    // CJ's page ceiling is 1000 whatever totalPages says.
    expect(await advanceCursor(db, 'incense', 999, 5_000, '2026-11-30T10:05:00.000Z')).toBe(1_000);
    expect(await advanceCursor(db, 'incense', 1_000, 5_000, '2026-11-30T10:06:00.000Z')).toBe(1);
    const rows = await db.selectFrom('search_cursors').selectAll().orderBy('keyword').execute();
    expect(rows).toEqual([
      { keyword: 'amethyst', next_page: 1, total_pages: 3, updated_at: '2026-11-30T10:02:00.000Z' },
      { keyword: 'incense', next_page: 1, total_pages: 5_000, updated_at: '2026-11-30T10:06:00.000Z' },
      { keyword: 'tarot', next_page: 1, total_pages: 2, updated_at: '2026-11-30T10:04:00.000Z' },
    ]);
  });

  it('remembers rejections with their gate, reason and listing, counting repeats', async () => {
    const { db } = store;
    expect((await rejectionsFor(db, [])).size).toBe(0);
    await rememberRejection(db, 'PID-1', 'hash-a', { gate: 'analyse', code: 'cost_above_max', reason: 'cost 25.00 USD above 20' }, '2026-11-30T10:00:00.000Z');
    await rememberRejection(db, 'PID-2', 'hash-b', { gate: 'price', code: 'below_margin_floor', reason: 'margin 31% below 40%' }, '2026-11-30T10:00:01.000Z');
    let remembered = await rejectionsFor(db, ['PID-1', 'PID-2', 'PID-unknown']);
    expect([...remembered.keys()].sort()).toEqual(['PID-1', 'PID-2']);
    expect(remembered.get('PID-1')).toEqual({
      gate: 'analyse',
      code: 'cost_above_max',
      reason: 'cost 25.00 USD above 20',
      listingHash: 'hash-a',
      rejectedAt: '2026-11-30T10:00:00.000Z',
      times: 1,
    });

    // Rejected again, for another listing and another reason: the latest verdict, counted twice.
    await rememberRejection(db, 'PID-1', 'hash-c', { gate: 'analyse', code: 'stock_below_min', reason: '3 units' }, '2026-12-01T10:00:00.000Z');
    remembered = await rejectionsFor(db, ['PID-1']);
    expect(remembered.get('PID-1')).toMatchObject({ code: 'stock_below_min', listingHash: 'hash-c', rejectedAt: '2026-12-01T10:00:00.000Z', times: 2 });

    await forgetRejection(db, 'PID-1');
    expect([...(await rejectionsFor(db, ['PID-1', 'PID-2'])).keys()]).toEqual(['PID-2']);
  });
});
