// Calendar days as "YYYY-MM-DD" text. The FX rate is dated by day, and "today" is injected so the
// staleness rule is testable; day arithmetic is on UTC midnights so time zones and DST never matter.
import { z } from 'zod';

export type IsoDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms at UTC midnight of a valid calendar date, or null ("2026-02-30" is not a date). */
export function parseIsoDate(text: string): number | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** The UTC calendar day of an instant — e.g. `isoDateOf(clock.now())` for "today". */
export function isoDateOf(epochMs: number): IsoDate {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Throws on an invalid date. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (a === null || b === null) throw new RangeError(`not a YYYY-MM-DD date: ${a === null ? from : to}`);
  return Math.round((b - a) / 86_400_000);
}

export const isoDateSchema = z
  .string({ error: 'a date as "YYYY-MM-DD"' })
  .refine(isIsoDate, 'a real calendar date as "YYYY-MM-DD", e.g. "2026-11-01"');
