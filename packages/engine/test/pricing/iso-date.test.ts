import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate, isoDateOf } from '../../src/pricing/index.js';

describe('iso dates', () => {
  it('validates real calendar days only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('counts whole days across months, years and DST changes', () => {
    expect(daysBetween('2026-10-01', '2026-11-01')).toBe(31); // crosses the EU DST change on Oct 25
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-01', '2026-10-31')).toBe(-1);
    expect(() => daysBetween('2026-11-31', '2026-12-01')).toThrow(RangeError);
  });

  it('gives the UTC day of an instant', () => {
    expect(isoDateOf(Date.UTC(2026, 10, 1, 23, 59))).toBe('2026-11-01');
  });
});
