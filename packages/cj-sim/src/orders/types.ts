// The order model (cj-api.md §7.1).

export const ORDER_STATUSES = ['CREATED', 'IN_CART', 'UNPAID', 'UNSHIPPED', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderLine {
  lineItemId: string;
  vid: string;
  pid: string;
  sku: string;
  productName: string;
  image: number;
  quantity: number;
  unitCents: number;
  weightG: number;
  storeLineItemId: string | null;
  supplierName: string;
}

export interface TrackEvent {
  status: number;
  activity: string;
  location: string;
  eventTime: number;
}

export interface Shipping {
  countryCode: string;
  country: string;
  province: string;
  city: string;
  county: string | null;
  address: string;
  address2: string | null;
  zip: string | null;
  phone: string | null;
  customerName: string;
  email: string | null;
  houseNumber: string | null;
  taxId: string | null;
}

export type StallMode = 'none' | 'shipping' | 'tracking';

export interface Order {
  cjOrderId: string;
  openId: string;
  orderNumber: string;
  status: OrderStatus;
  via: 'createOrderV2' | 'createOrderV3';
  payType: number | null;
  createdAt: number;
  updatedAt: number;
  paidAt: number | null;
  shippedAt: number | null;
  deliveredAt: number | null;
  shipping: Shipping;
  remark: string | null;
  platform: string;
  fromCountryCode: string;
  logisticName: string;
  agingMin: number;
  agingMax: number;
  trackPrefix: string;
  shopLogisticsType: number;
  storageId: string | null;
  storageName: string | null;
  lines: OrderLine[];
  productCents: number;
  postageCents: number;
  weightG: number;
  shipmentOrderId: string | null;
  trackNumber: string | null;
  trackingUrl: string | null;
  lastTrackNumber: string | null;
  logisticStatus: number | null;
  trackEvents: TrackEvent[];
  stall: StallMode;
  /** Bumped whenever pending clock events for this order must be forgotten (stall, force, ship now). */
  gen: number;
  disputeId: string | null;
}

/** A group of orders paid together (addCartConfirm's shipmentsId, or a payType-1 order). */
export interface Shipment {
  shipmentOrderId: string;
  openId: string;
  cjOrderIds: string[];
  payId: string | null;
  createdAt: number;
  paid: boolean;
}

export function orderTotalCents(o: Order): number {
  return o.productCents + o.postageCents;
}

export function isPaid(o: Order): boolean {
  return o.status === 'UNSHIPPED' || o.status === 'SHIPPED' || o.status === 'DELIVERED' || (o.status === 'CANCELLED' && o.paidAt !== null);
}
