// The simulated clock. Everything CJ does over time (token expiry, shipping, tracking, webhook
// retries, dispute outcomes) is driven by this clock, never by Date.now() directly, so tests can
// move days ahead in milliseconds.

export type ClockMode = 'realtime' | 'manual';

export class SimClock {
  private offset: number;
  private manualNow: number;
  private last = 0;

  constructor(
    readonly mode: ClockMode,
    startTime: number,
    private readonly wall: () => number = Date.now,
  ) {
    this.manualNow = startTime;
    this.offset = mode === 'realtime' ? startTime - wall() : 0;
  }

  /** Simulated epoch milliseconds; never goes backwards. */
  now(): number {
    const t = this.mode === 'manual' ? this.manualNow : this.wall() + this.offset;
    this.last = Math.max(this.last, t);
    return this.last;
  }

  /** Moves the clock forward to `time` (no-op if it is already later). */
  moveTo(time: number): void {
    const current = this.now();
    if (time <= current) return;
    if (this.mode === 'manual') this.manualNow = time;
    else this.offset += time - current;
    this.now();
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function parts(ms: number, offsetHours: number): { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number } {
  const t = new Date(ms + offsetHours * HOUR);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), ms: t.getUTCMilliseconds() };
}

/** "2021-08-18T09:16:33+08:00" — the format of token dates (China Standard Time). */
export function formatCst(ms: number): string {
  const p = parts(ms, 8);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}+08:00`;
}

/** "2021-08-23 11:31:45" (UTC) — the format of order and tracking dates. */
export function formatUtc(ms: number): string {
  const p = parts(ms, 0);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

/** "2019-12-31T11:14:12.000+00:00" — the format of variant createTime. */
export function formatIsoUtcMillis(ms: number): string {
  const p = parts(ms, 0);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}.${pad(p.ms, 3)}+00:00`;
}

/** yyMMdd of a UTC instant, the prefix of CJ order ids (210823…). */
export function yymmdd(ms: number): string {
  const p = parts(ms, 0);
  return `${pad(p.y % 100)}${pad(p.mo)}${pad(p.d)}`;
}

/** yyMMddHHmmss of a UTC instant. */
export function yymmddhhmmss(ms: number): string {
  const p = parts(ms, 0);
  return `${pad(p.y % 100)}${pad(p.mo)}${pad(p.d)}${pad(p.h)}${pad(p.mi)}${pad(p.s)}`;
}
