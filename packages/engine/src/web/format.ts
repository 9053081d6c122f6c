// Dates and money as the store's customers read them, formatted on the server (never in the
// browser, whose clock and locale are not the store's).
import { formatMoney, money } from '../money/index.js';

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

/** "7 de dezembro de 2026" (pt-PT) from an ISO timestamp, in the store's time zone. */
export function formatDate(iso: string, locale: string, timeZone: string): string {
  return dateFormatter(locale, timeZone, false).format(new Date(iso));
}

/** "7 de dezembro de 2026, 14:05". */
export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  return dateFormatter(locale, timeZone, true).format(new Date(iso));
}

/** "12,99 €" from minor units. */
export function formatPrice(minor: number, currency: string, locale: string): string {
  return formatMoney(money(currency, minor), locale);
}
