// The candidates a scan has found but not yet looked at in detail, across every search page it has
// read, best list-data ceiling first. Taking them in that order fills a catalogue cap with the
// likeliest products first, and once the cap is full the first candidate whose ceiling does not
// beat the weakest kept product tells that none of the rest can either.
//
// A search page is "done" once each of its candidates has a verdict (skipped, rejected, stored or
// found unable to enter the full catalogue); a keyword's cursor moves past its pages in order and
// only past done ones, so a run the budget stops resumes at the first page with undecided candidates.
import type { CandidateSummary } from './candidate.js';

export interface SearchedPage {
  cursor: string;
  page: number;
  totalPages: number;
  /** Candidates of the page still waiting in the pool. */
  pending: number;
}

export interface PooledCandidate {
  summary: CandidateSummary;
  listingHash: string;
  ceiling: number;
  page: SearchedPage;
  /** Arrival order, the last tie-break (CJ's own relevance order, keyword by keyword). */
  seq: number;
}

export class CandidatePool {
  private readonly waiting: PooledCandidate[] = [];
  private readonly pids = new Set<string>();
  private readonly pagesByCursor = new Map<string, SearchedPage[]>();
  private sorted = true;
  private seq = 0;

  get size(): number {
    return this.waiting.length;
  }

  /** Whether this pid was already found in this run (another keyword's page may list it again). */
  has(pid: string): boolean {
    return this.pids.has(pid);
  }

  openPage(cursor: string, page: number, totalPages: number): SearchedPage {
    const searched: SearchedPage = { cursor, page, totalPages, pending: 0 };
    const pages = this.pagesByCursor.get(cursor) ?? [];
    pages.push(searched);
    this.pagesByCursor.set(cursor, pages);
    return searched;
  }

  /** Remembers a pid as found in this run without queueing it (rejected from list data, say). */
  markSeen(pid: string): void {
    this.pids.add(pid);
  }

  add(candidate: Omit<PooledCandidate, 'seq'>): void {
    this.pids.add(candidate.summary.pid);
    candidate.page.pending++;
    this.waiting.push({ ...candidate, seq: this.seq++ });
    this.sorted = false;
  }

  /** The best candidate waiting, without taking it. */
  peek(): PooledCandidate | undefined {
    if (!this.sorted) {
      // Best ceiling first; then the more popular; then the order CJ listed them in.
      this.waiting.sort((a, b) => b.ceiling - a.ceiling || (b.summary.listedNum ?? 0) - (a.summary.listedNum ?? 0) || a.seq - b.seq);
      this.sorted = true;
    }
    return this.waiting[0];
  }

  /** Takes the best candidate; call `settle` once it has a verdict. */
  take(): PooledCandidate | undefined {
    const next = this.peek();
    if (next) this.waiting.shift();
    return next;
  }

  /** Takes every candidate still waiting (each then needs `settle`). */
  drain(): PooledCandidate[] {
    return this.waiting.splice(0, this.waiting.length);
  }

  settle(candidate: PooledCandidate): void {
    candidate.page.pending--;
  }

  /**
   * Pages whose cursor may move now: for each keyword, its searched pages in order up to the first
   * with candidates still waiting. Each is returned once.
   */
  donePages(): SearchedPage[] {
    const done: SearchedPage[] = [];
    for (const pages of this.pagesByCursor.values()) {
      while (pages.length > 0 && pages[0]!.pending === 0) done.push(pages.shift()!);
    }
    return done;
  }
}
