// Per-gate counts of one scan, stored with the run and shown live by `lojista scan`.

export interface ScanCounts {
  /** alreadyListed: in the catalogue already, or found earlier in the same run (under another keyword). */
  search: { pages: number; found: number; new: number; alreadyListed: number; skippedRejected: number };
  /**
   * cheapRejected: rejected from list data alone (the analyse rules listV2 can answer, or a list price
   * no shipping brings under the retail cap). belowCap: skipped before details because even its
   * best possible score could not enter a full catalogue.
   */
  analyse: { cheapRejected: number; passed: number; rejected: number; belowCap: number };
  details: { fetched: number; gone: number; errors: number };
  translate: { ok: number; rejected: number };
  price: { ok: number; rejected: number };
  enrich: { ok: number; rejected: number };
  store: { added: number; updated: number; duplicates: number; retired: number };
  /** Rejections by "gate:code". */
  rejected: Record<string, number>;
  /** CJ calls made and points spent by the gate that made them. */
  cj: Record<CjGate, { calls: number; points: number }>;
}

export type CjGate = 'search' | 'details' | 'freight';

export function emptyCounts(): ScanCounts {
  return {
    search: { pages: 0, found: 0, new: 0, alreadyListed: 0, skippedRejected: 0 },
    analyse: { cheapRejected: 0, passed: 0, rejected: 0, belowCap: 0 },
    details: { fetched: 0, gone: 0, errors: 0 },
    translate: { ok: 0, rejected: 0 },
    price: { ok: 0, rejected: 0 },
    enrich: { ok: 0, rejected: 0 },
    store: { added: 0, updated: 0, duplicates: 0, retired: 0 },
    rejected: {},
    cj: { search: { calls: 0, points: 0 }, details: { calls: 0, points: 0 }, freight: { calls: 0, points: 0 } },
  };
}

export interface ScanProgress {
  runId: string;
  counts: ScanCounts;
  cjCalls: number;
  pointsSpent: number;
  pointsBudget: number;
  elapsedMs: number;
  /** Rough time left, from the points still to spend at the pace so far. */
  etaMs: number | null;
  keyword: string | null;
}
