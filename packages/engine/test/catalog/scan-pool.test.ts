// The scan's candidate pool: best ceiling first across pages, and a keyword's pages released to the
// cursor in order, each only once none of its candidates is still waiting.
import { describe, expect, it } from 'vitest';
import type { CandidateSummary } from '../../src/catalog/candidate.js';
import { CandidatePool } from '../../src/catalog/scan-pool.js';

const summary = (pid: string, listedNum = 0): CandidateSummary => ({ pid, nameEn: pid, priceMinUsd: '1', priceMaxUsd: '1', listedNum, keyword: 'k' });

describe('the scan candidate pool', () => {
  it('gives the best ceiling first, then the more popular, then the earlier found', () => {
    const pool = new CandidatePool();
    const p1 = pool.openPage('k', 1, 5);
    const p2 = pool.openPage('k', 2, 5);
    pool.add({ summary: summary('a', 10), listingHash: 'h', ceiling: 80, page: p1 });
    pool.add({ summary: summary('b', 10), listingHash: 'h', ceiling: 90, page: p1 });
    pool.add({ summary: summary('c', 500), listingHash: 'h', ceiling: 80, page: p2 });
    pool.add({ summary: summary('d', 10), listingHash: 'h', ceiling: 80, page: p2 });
    expect(pool.has('d')).toBe(true);
    expect(pool.has('e')).toBe(false);
    const order: string[] = [];
    for (let next = pool.take(); next; next = pool.take()) order.push(next.summary.pid);
    expect(order).toEqual(['b', 'c', 'a', 'd']);
  });

  it('releases a keyword’s pages in order, and none before every candidate of it is settled', () => {
    const pool = new CandidatePool();
    const p1 = pool.openPage('k', 1, 5);
    const p2 = pool.openPage('k', 2, 5);
    const other = pool.openPage('x', 7, 9);
    pool.add({ summary: summary('a'), listingHash: 'h', ceiling: 70, page: p1 });
    pool.add({ summary: summary('b'), listingHash: 'h', ceiling: 90, page: p2 });
    expect(pool.donePages()).toEqual([other]);

    const b = pool.take()!;
    pool.settle(b);
    // Page 2 is settled, but page 1 still waits: the cursor must not pass page 1.
    expect(pool.donePages()).toEqual([]);
    const a = pool.take()!;
    pool.settle(a);
    expect(pool.donePages().map((p) => p.page)).toEqual([1, 2]);
    expect(pool.donePages()).toEqual([]);
  });

  it('drains what is left', () => {
    const pool = new CandidatePool();
    const page = pool.openPage('k', 1, 1);
    pool.add({ summary: summary('a'), listingHash: 'h', ceiling: 70, page });
    pool.add({ summary: summary('b'), listingHash: 'h', ceiling: 60, page });
    const left = pool.drain();
    expect(left).toHaveLength(2);
    expect(pool.size).toBe(0);
    for (const c of left) pool.settle(c);
    expect(pool.donePages()).toEqual([page]);
  });
});
