// The product's plain-text description (the translate gate's output) split for the page: "Key: value"
// lines become the specifications table, everything else paragraphs. Text stays text: nothing here
// produces markup.

export interface DescriptionParts {
  paragraphs: string[];
  specs: Array<{ name: string; value: string }>;
}

const SPEC_LINE = /^([^:\n]{2,40}):\s+(\S.{0,200})$/u;

export function splitDescription(text: string): DescriptionParts {
  const paragraphs: string[] = [];
  const specs: DescriptionParts['specs'] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const spec = SPEC_LINE.exec(line);
    if (spec && !/[.!?]$/.test(spec[1]!)) specs.push({ name: spec[1]!.trim(), value: spec[2]!.trim() });
    else paragraphs.push(line);
  }
  return { paragraphs, specs };
}

/** The date `days` working days (Monday–Friday) after `from`, as a UTC calendar day. */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d;
}

const isoDay = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar day in the store's time zone, as a UTC midnight Date. */
export function storeToday(nowMs: number, timeZone: string): Date {
  // Building an Intl formatter costs far more than using one: one per time zone, kept.
  let f = isoDay.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    isoDay.set(timeZone, f);
  }
  return new Date(`${f.format(new Date(nowMs))}T00:00:00Z`);
}

const dayMonth = new Map<string, Intl.DateTimeFormat>();

/** "18 de dezembro" / "18 December". */
export function formatDayMonth(date: Date, locale: string): string {
  let f = dayMonth.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
    dayMonth.set(locale, f);
  }
  return f.format(date);
}
