// The price-history chart, drawn on the server as SVG (no script, no chart library): a step line of
// the selling price over time, with the lowest and highest price on the axis. The table beside it
// carries the same figures for screen readers and exact reading.
import type { PricePoint } from './catalogue-queries.js';

const W = 640;
const H = 220;
const PAD = { left: 64, right: 12, top: 12, bottom: 28 };

export function PriceChart({ points, label, format, formatDate }: { points: PricePoint[]; label: string; format: (minor: number) => string; formatDate: (iso: string) => string }) {
  if (points.length === 0) return null;
  const times = points.map((p) => Date.parse(p.at));
  const prices = points.map((p) => p.priceMinor);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const lo = Math.min(...prices);
  const hi = Math.max(...prices);
  const x = (t: number) => PAD.left + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (p: number) => PAD.top + (hi === lo ? 0.5 : 1 - (p - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  // A price holds until the next change: a step line, extended to the right edge.
  let d = '';
  points.forEach((p, i) => {
    const px = x(times[i]!).toFixed(1);
    const py = y(p.priceMinor).toFixed(1);
    d += i === 0 ? `M${px},${py}` : `H${px}V${py}`;
  });
  d += `H${W - PAD.right}`;
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{label}</title>
      <line class="axis" x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} />
      <line class="axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} />
      <text x={PAD.left - 6} y={y(hi) + 4} text-anchor="end">
        {format(hi)}
      </text>
      {hi !== lo && (
        <text x={PAD.left - 6} y={y(lo) + 4} text-anchor="end">
          {format(lo)}
        </text>
      )}
      <text x={PAD.left} y={H - 8}>
        {formatDate(points[0]!.at)}
      </text>
      {t1 !== t0 && (
        <text x={W - PAD.right} y={H - 8} text-anchor="end">
          {formatDate(points.at(-1)!.at)}
        </text>
      )}
      <path class="line" d={d} />
      {points.map((p, i) => (
        <circle key={i} cx={x(times[i]!)} cy={y(p.priceMinor)} r="3" fill="currentColor" />
      ))}
    </svg>
  );
}
