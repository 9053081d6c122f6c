/**
 * LOGISTIC webhook `trackingStatus` codes (cj-api.md §7.2). logistic/trackInfo reports free text
 * instead; only the webhook uses these numbers.
 */
export const TrackingStatus = {
  NoInformation: 0,
  WarehouseOutbound: 1,
  ForwarderInbound: 2,
  ForwarderReturn: 3,
  ForwarderOutbound: 4,
  FirstLegTransport: 5,
  ArrivedDestinationCountry: 6,
  CustomsClearanceStarted: 7,
  CustomsClearanceCompleted: 8,
  TerminalRetrieval: 9,
  Delivery: 10,
  AwaitingPickup: 11,
  Signed: 12,
  Exception: 13,
  Returned: 14,
} as const;

export type TrackingStatusName = keyof typeof TrackingStatus;
export type TrackingStatusCode = (typeof TrackingStatus)[TrackingStatusName];

/** CJ's own wording per code. */
export const TRACKING_STATUS_DESCRIPTIONS: Readonly<Record<TrackingStatusCode, string>> = {
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

const NAMES = new Map<number, TrackingStatusName>(Object.entries(TrackingStatus).map(([k, v]) => [v, k as TrackingStatusName]));

/** Name of a code, or undefined for a code CJ has not documented. */
export function trackingStatusName(code: number): TrackingStatusName | undefined {
  return NAMES.get(code);
}
