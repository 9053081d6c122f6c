// Currencies the money helpers accept. Minor units assume exactly two decimals (EUR, USD, GBP, BRL…);
// a currency with 0 (JPY) or 3 (BHD) decimals is refused instead of being silently mispriced by 10×.
import { MoneyError } from './money-error.js';

/** An ISO 4217 code. Literal types ('USD', 'EUR') let the compiler keep currencies apart. */
export type CurrencyCode = string;

/** The supplier's currency: CJ quotes every cost and freight in USD. */
export const SUPPLIER_CURRENCY = 'USD';
export type SupplierCurrency = typeof SUPPLIER_CURRENCY;

const checked = new Map<string, boolean>();

/** True when `code` is a well-formed ISO 4217 code whose minor unit is 1/100. */
export function isTwoDecimalCurrency(code: string): boolean {
  const known = checked.get(code);
  if (known !== undefined) return known;
  let ok = false;
  if (/^[A-Z]{3}$/.test(code)) {
    try {
      // Intl knows each currency's minor unit (ISO 4217); no table of our own to keep up to date.
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits;
      ok = digits === 2;
    } catch {
      ok = false;
    }
  }
  checked.set(code, ok);
  return ok;
}

export function assertTwoDecimalCurrency(code: string): void {
  if (!isTwoDecimalCurrency(code)) {
    throw new MoneyError(
      'unsupported_currency',
      `currency ${JSON.stringify(code)} is not an ISO 4217 code with 2 decimals (e.g. "EUR", "USD")`,
    );
  }
}
