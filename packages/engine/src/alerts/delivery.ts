// The per-channel delivery record stored with every alert in `alerts.delivery`, keyed by channel name
// ("log", "telegram", "webhook", "webhook#2"…).

export type DeliveryStatus = 'pending' | 'sent' | 'suppressed' | `failed: ${string}`;
export type Delivery = Record<string, DeliveryStatus>;

/**
 * How a suppressed alert looks inside the JSON text. The table has no status column, and a LIKE on
 * this exact token is portable across SQLite and PostgreSQL where JSON operators are not. It cannot
 * match a failure reason: quotes inside a JSON string value are escaped as \".
 */
export const SUPPRESSED_TOKEN_PATTERN = '%:"suppressed"%';

export function deliveryAll(channelNames: readonly string[], status: DeliveryStatus): Delivery {
  return Object.fromEntries(channelNames.map((name) => [name, status]));
}

export function anyFailed(delivery: Delivery): boolean {
  return Object.values(delivery).some((s) => s.startsWith('failed'));
}
