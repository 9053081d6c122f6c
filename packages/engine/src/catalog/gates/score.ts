// A product's ranking, 0–100: what "featured" shows first and what the catalogue cap retires last.
// Margin, cheap and fast shipping, and CJ popularity (how many stores list it) each count.
import { Dec } from '../../money/index.js';

export interface ScoreInput {
  marginPct: string;
  shippingUsd: string;
  deliveryMaxDays: number;
  listedNum: number;
}

export function scoreProduct(input: ScoreInput): number {
  // Whole points from the decimal margin: 70 % or more earns all 35.
  const margin = Math.min(Number(new Dec(input.marginPct).times('35').div('70').round(0).toFixed(0)), 35);
  const ship = new Dec(input.shippingUsd);
  const shipping = ship.lt('0.01') ? 25 : ship.lt('2') ? 20 : ship.lt('5') ? 12 : ship.lt('8') ? 5 : 0;
  const days = input.deliveryMaxDays;
  const delivery = days <= 10 ? 20 : days <= 15 ? 14 : days <= 20 ? 8 : 0;
  const popularity = Math.min(Math.log10(input.listedNum + 1) / 3, 1) * 20;
  return Math.round(margin + shipping + delivery + popularity);
}

/**
 * The most a product can score when only CJ's list data is known (its popularity): margin, shipping
 * and delivery at their best. A candidate whose ceiling does not beat the weakest product the
 * catalogue cap keeps can never enter it, so its details are not worth CJ points.
 */
export function scoreCeiling(listedNum: number): number {
  return Math.round(35 + 25 + 20 + Math.min(Math.log10(listedNum + 1) / 3, 1) * 20);
}
