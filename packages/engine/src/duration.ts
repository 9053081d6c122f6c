// Human durations in config files ("90s", "5m", "4h", "1d"): whole units only, so a typo like
// "0.5h" is an error with a message instead of the old system's setInterval(…, 0).

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PATTERN = /^(\d+)(ms|s|m|h|d)$/;

export function parseDuration(text: string): number {
  const match = PATTERN.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration; use a whole number and a unit: 90s, 5m, 4h, 1d`);
  const ms = Number(match[1]) * UNITS[match[2]!]!;
  if (ms <= 0) throw new Error(`"${text}" must be longer than zero`);
  return ms;
}

export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = UNITS[unit]!;
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
