// Money lives as integer cents inside the simulator and is only turned into text at the edges,
// so sums like Σ price × quantity + postage never drift (0.1 + 0.2 problems).

const DECIMAL = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Parses "12", "12.3", "12.30" (or a number with at most 2 decimals) into cents; undefined if invalid. */
export function parseCents(value: unknown): number | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : '';
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** 1234 → "12.34"; always two decimals, like CJ's BigDecimal(18,2). */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatCents: ${cents} is not an integer amount of cents`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Price text as CJ prints a product price: "3.49" or a range "2.49-5.99" when variants differ. */
export function formatPriceRange(centsList: readonly number[]): string {
  if (centsList.length === 0) return '0.00';
  const min = Math.min(...centsList);
  const max = Math.max(...centsList);
  return min === max ? formatCents(min) : `${formatCents(min)}-${formatCents(max)}`;
}

/** cents × ratio (given as integer numerator/denominator), rounded half-up: exchange rates, zone factors. */
export function scaleCents(cents: number, numerator: number, denominator: number): number {
  return Math.floor((cents * numerator + Math.floor(denominator / 2)) / denominator);
}
