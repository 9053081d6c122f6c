// Tracking: the numeric LOGISTIC statuses 0–14 (cj-api.md §7.2), the events a parcel goes through
// between the warehouse and the door, and the free text trackInfo prints. Written from cj-api.md, not
// imported from @lojista/cj: a contract test against a simulator sharing the client's table could not
// catch a mistake in it.
import type { Rng } from '../rng.js';
import { DAY, HOUR } from '../clock.js';

export const LOGISTIC_STATUS: Readonly<Record<number, string>> = {
  0: 'No tracking information available at the moment',
  1: 'Warehouse outbound',
  2: 'Freight forwarder inbound',
  3: 'Freight forwarder return',
  4: 'Freight forwarder outbound',
  5: 'First leg transportation',
  6: 'Arrival at destination country',
  7: 'Starting customs clearance',
  8: 'Customs clearance completed',
  9: 'Terminal retrieval',
  10: 'Delivery',
  11: 'Arrival, waiting for retrieval',
  12: 'Sign for',
  13: 'Failure/abnormality',
  14: 'Return',
};

const ACTIVITY: Readonly<Record<number, string>> = {
  0: 'Shipping information received',
  1: 'Parcel left the warehouse',
  2: 'Received by the freight forwarder',
  3: 'Returned by the freight forwarder',
  4: 'Departed from the freight forwarder facility',
  5: 'Departed from the origin airport',
  6: 'Arrived in the destination country',
  7: 'Customs clearance started',
  8: 'Customs clearance completed',
  9: 'Handed over to the last-mile carrier',
  10: 'Out for delivery',
  11: 'Arrived at the pickup point, waiting for collection',
  12: 'Delivered',
  13: 'Delivery exception',
  14: 'Returned to sender',
};

/** trackInfo's free-text trackingStatus for a numeric status. */
export function trackingText(status: number | null): string {
  if (status === null || status === 0) return 'Pending';
  if (status === 12) return 'Delivered';
  if (status === 10) return 'Out for delivery';
  if (status === 11) return 'Pick up';
  if (status === 13) return 'Alert';
  if (status === 14) return 'Returned';
  if (status === 3) return 'Exception';
  return 'In transit';
}

export function activityOf(status: number): string {
  return ACTIVITY[status] ?? LOGISTIC_STATUS[status] ?? 'Update';
}

export interface PlannedStep {
  status: number;
  at: number;
  location: string;
}

/**
 * The steps from shipment to delivery, spread over a transit time drawn from the line's aging.
 * Domestic parcels skip the international leg and customs.
 */
export function transitPlan(rng: Rng, shippedAt: number, agingMin: number, agingMax: number, domestic: boolean, origin: string, destination: string): PlannedStep[] {
  const transitMs = rng.int(agingMin, agingMax) * DAY + rng.int(0, 10) * HOUR;
  const steps: Array<[number, number, string]> = domestic
    ? [[2, 0.1, origin], [4, 0.25, origin], [9, 0.7, destination], [10, 0.92, destination], [12, 1, destination]]
    : [[2, 0.06, origin], [4, 0.15, origin], [5, 0.25, origin], [6, 0.5, destination], [7, 0.56, destination], [8, 0.66, destination], [9, 0.78, destination], [10, 0.94, destination], [12, 1, destination]];
  return steps.map(([status, fraction, location]) => ({ status, at: shippedAt + Math.round(transitMs * fraction), location }));
}

/** A tracking number in the style of the line (CJPKL7160102171YQ, YT…, 9400…). */
export function trackingNumber(rng: Rng, prefix: string): string {
  if (prefix === '') return rng.digits(10);
  if (prefix.startsWith('CJPK')) return `${prefix}${rng.digits(10)}YQ`;
  if (prefix === '9400') return `9400${rng.digits(18, true)}`;
  if (prefix === '1Z') return `1Z${rng.hex(16).toUpperCase()}`;
  return `${prefix}${rng.digits(14)}`;
}

const LAST_MILE: Readonly<Record<string, string>> = { US: 'USPS', PR: 'USPS', GB: 'Royal Mail', DE: 'DHL', FR: 'La Poste', CA: 'Canada Post', AU: 'Australia Post', NZ: 'NZ Post', ES: 'Correos', IT: 'Poste Italiane', NL: 'PostNL', JP: 'Japan Post', BR: 'Correios', MX: 'Correos de Mexico' };

export function lastMileCarrier(countryCode: string): string {
  return LAST_MILE[countryCode] ?? 'Local Post';
}
