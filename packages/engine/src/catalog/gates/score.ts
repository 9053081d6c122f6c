// A product's ranking, 0–100: what "featured" shows first and what the catalogue cap retires last.
// Margin, cheap and fast shipping, and CJ popularity (how many stores list it) each count.
import { Dec } from '../../money/index.js';

export interface ScoreInput {
  marginPct: string;
  shippingUsd: string;
  deliveryMaxDays: number;
  listedNum: number;
}

/** Shipping points by price band (USD, upper bound exclusive); above the last band, none. */
export const SHIPPING_BANDS: ReadonlyArray<{ belowUsd: string; points: number }> = [
  { belowUsd: '0.01', points: 25 },
  { belowUsd: '2', points: 20 },
  { belowUsd: '5', points: 12 },
  { belowUsd: '8', points: 5 },
];

/** The most delivery can earn (10 days or fewer). */
export const MAX_DELIVERY_POINTS = 20;

export function scoreProduct(input: ScoreInput): number {
  const days = input.deliveryMaxDays;
  const delivery = days <= 10 ? MAX_DELIVERY_POINTS : days <= 15 ? 14 : days <= 20 ? 8 : 0;
  return Math.round(marginPoints(input.marginPct) + shippingPoints(input.shippingUsd) + delivery + popularityPoints(input.listedNum));
}

/** Whole points from the decimal margin (one decimal, as the price gate writes it): 70 % or more earns all 35. */
export function marginPoints(marginPct: string): number {
  return Math.min(Number(new Dec(marginPct).times('35').div('70').round(0).toFixed(0)), 35);
}

export function shippingPoints(shippingUsd: string): number {
  const ship = new Dec(shippingUsd);
  return SHIPPING_BANDS.find((band) => ship.lt(band.belowUsd))?.points ?? 0;
}

/** Up to 20 from CJ's listed count, on a log scale (999 stores or more earn all 20). */
export function popularityPoints(listedNum: number): number {
  return Math.min(Math.log10(listedNum + 1) / 3, 1) * 20;
}
