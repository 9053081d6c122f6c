// The overview's 30-day chart as server-rendered SVG: revenue as bars (left scale), paid orders as
// a line (right scale). No script, no style attribute (the CSP forbids inline styles; SVG
// presentation attributes are not styles). It is one image to assistive technology, named by its
// <title> and <desc>; the figures themselves are in a table next to it.
import type { DailyPoint } from '../../overview/overview-service.js';

const W = 640;
const H = 240;
const LEFT = 72;
const RIGHT = 40;
const TOP = 12;
const BOTTOM = 30;

/** The smallest 1, 2 or 5 × 10^k at or above `n` (n ≥ 1). */
export function niceCeil(n: number): number {
  if (n <= 1) return 1;
  const pow = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * pow >= n) return step * pow;
  return 10 * pow;
}

export interface DailyChartProps {
  id: string;
  daily: DailyPoint[];
  title: string;
  desc: string;
  formatMoney: (minor: number) => string;
  formatDay: (date: string) => string;
}

export function DailyChart({ id, daily, title, desc, formatMoney, formatDay }: DailyChartProps) {
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const revMax = niceCeil(Math.max(0, ...daily.map((d) => d.revenueMinor)));
  const ordMax = Math.max(2, niceCeil(Math.max(0, ...daily.map((d) => d.orders))));
  const slot = plotW / Math.max(1, daily.length);
  const barW = Math.max(2, slot * 0.6);
  const y = (v: number, max: number) => TOP + plotH - (v / max) * plotH;
  const xMid = (i: number) => LEFT + slot * i + slot / 2;
  const ticks = [0, 0.5, 1];
  const points = daily.map((d, i) => `${xMid(i).toFixed(1)},${y(d.orders, ordMax).toFixed(1)}`).join(' ');
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} focusable="false">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={LEFT} x2={W - RIGHT} y1={y(t * revMax, revMax)} y2={y(t * revMax, revMax)} stroke="#dcd8e2" stroke-width="1" />
          <text x={LEFT - 6} y={y(t * revMax, revMax) + 4} text-anchor="end" font-size="11" fill="#55505c">
            {formatMoney(Math.round(t * revMax))}
          </text>
          <text x={W - RIGHT + 6} y={y(t * ordMax, ordMax) + 4} text-anchor="start" font-size="11" fill="#8a3d00">
            {String(Math.round(t * ordMax))}
          </text>
        </g>
      ))}
      {daily.map((d, i) => (
        <rect key={d.date} x={(xMid(i) - barW / 2).toFixed(1)} y={y(d.revenueMinor, revMax).toFixed(1)} width={barW.toFixed(1)} height={(TOP + plotH - y(d.revenueMinor, revMax)).toFixed(1)} fill="#3d2f73" />
      ))}
      <polyline points={points} fill="none" stroke="#b54708" stroke-width="2" />
      {daily.map((d, i) => (d.orders > 0 ? <circle key={d.date} cx={xMid(i).toFixed(1)} cy={y(d.orders, ordMax).toFixed(1)} r="3" fill="#b54708" /> : null))}
      {daily.map((d, i) =>
        i % 7 === 0 || i === daily.length - 1 ? (
          <text key={d.date} x={xMid(i).toFixed(1)} y={H - 10} text-anchor="middle" font-size="11" fill="#55505c">
            {formatDay(d.date)}
          </text>
        ) : null,
      )}
    </svg>
  );
}
