// Dates and money on the console's store pages, in the store's locale and time zone.
import { formatDateTime, formatPrice } from '../../web/format.js';
import type { PageFrame } from '../kit/page-kit.js';

export function pageFormat(f: PageFrame) {
  const { locale, timezone } = f.view.ctx.config;
  return {
    date: (iso: string | null | undefined, none = '—') => (iso ? formatDateTime(iso, locale, timezone) : none),
    price: (minor: number, currency: string) => formatPrice(minor, currency, locale),
  };
}
