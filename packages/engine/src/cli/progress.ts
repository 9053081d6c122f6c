// The live line of `lojista scan`: gate counts, CJ calls and points, and an ETA. On a terminal it
// redraws one line; otherwise (CI, a log file) it prints a line every few seconds.
import type { ScanProgress } from '../catalog/scan-counts.js';

function duration(ms: number | null): string {
  if (ms === null) return '…';
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function progressLine(p: ScanProgress): string {
  const c = p.counts;
  const rejected = Object.values(c.rejected).reduce((a, b) => a + b, 0);
  const width = 20;
  const filled = Math.min(width, Math.round((p.pointsSpent / Math.max(p.pointsBudget, 1)) * width));
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  return (
    `${bar} found ${c.search.found} · new ${c.search.new} · details ${c.details.fetched} · passed ${c.analyse.passed}` +
    ` · stored ${c.store.added + c.store.updated} · rejected ${rejected} | CJ calls ${p.cjCalls}` +
    ` · points ${p.pointsSpent}/${p.pointsBudget} · ${duration(p.elapsedMs)} elapsed · ETA ${duration(p.etaMs)}` +
    (p.keyword ? ` · "${p.keyword}"` : '')
  );
}

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): { update(p: ScanProgress): void; done(): void } {
  let last = 0;
  return {
    update(p) {
      const line = progressLine(p);
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 200) - 1)}`);
      } else if (Date.now() - last > 5_000) {
        last = Date.now();
        stream.write(`${line}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
