// The first instant of a calendar day in the store's time zone, as a UTC ISO string: an owner in
// Lisbon asking for "orders of 7 December" means Lisbon's 7 December, not UTC's.

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetMs(utcMs: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** `day` is YYYY-MM-DD; `plusDays` moves it (1: the start of the next day, for an inclusive end). */
export function zonedDayStart(day: string, timeZone: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d + plusDays);
  let utc = wall - offsetMs(wall, timeZone);
  // Across a DST change the offset at the guess differs from the one at the answer: once more.
  utc = wall - offsetMs(utc, timeZone);
  return new Date(utc).toISOString();
}
