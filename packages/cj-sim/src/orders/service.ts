// Orders: creation (V2 with payType 1/2/3, V3), the cart flow, confirmation, payment from the
// balance, deletion. Amounts are integer cents: orderAmount = Σ variantSellPrice × qty + postage,
// with the postage taken from the same freight table freightCalculate answers from.
import type { Account, AccountStore } from '../accounts.js';
import { areaTotals, type Catalogue } from '../catalogue/generator.js';
import { SUB_BY_STORAGE_ID } from '../catalogue/warehouses.js';
import type { SimClock } from '../clock.js';
import { CjError, Codes, paramError } from '../errors.js';
import type { IdFactory } from '../ids.js';
import type { Ledger } from '../ledger.js';
import { findCountry } from '../logistics/countries.js';
import { freightOptions } from '../logistics/freight.js';
import { formatCents } from '../money.js';
import { Body } from '../params.js';
import type { OrderLifecycle } from './lifecycle.js';
import { orderTotalCents, type Order, type OrderLine, type OrderStatus, type Shipment } from './types.js';

export interface OrderServiceDeps {
  catalogue: Catalogue;
  accounts: AccountStore;
  ledger: Ledger;
  clock: SimClock;
  ids: IdFactory;
  lifecycle: OrderLifecycle;
}

export interface CreateResult {
  order: Order;
  cjPayUrl: string | null;
}

const MAX_PRODUCTS = 100;

export class OrderService {
  private readonly orders = new Map<string, Order>();
  /** openId → orderNumber → cjOrderId (orderNumber is unique per account). */
  private readonly numbers = new Map<string, Map<string, string>>();
  private readonly shipments = new Map<string, Shipment>();

  constructor(private readonly d: OrderServiceDeps) {}

  /** An order of this account by CJ order id or by our orderNumber. */
  find(account: Account, id: string): Order | undefined {
    const direct = this.orders.get(id);
    if (direct && direct.openId === account.openId) return direct;
    const cj = this.numbers.get(account.openId)?.get(id);
    return cj ? this.orders.get(cj) : undefined;
  }

  /** Any order by CJ id or orderNumber, across accounts (control API). */
  findAny(id: string): Order | undefined {
    const direct = this.orders.get(id);
    if (direct) return direct;
    for (const map of this.numbers.values()) {
      const cj = map.get(id);
      if (cj) return this.orders.get(cj);
    }
    return undefined;
  }

  all(): Order[] {
    return [...this.orders.values()];
  }

  forAccount(account: Account): Order[] {
    return [...this.orders.values()].filter((o) => o.openId === account.openId);
  }

  shipment(account: Account, id: string): Shipment | undefined {
    const s = this.shipments.get(id);
    return s && s.openId === account.openId ? s : undefined;
  }

  create(account: Account, raw: unknown, version: 'V2' | 'V3', payUrlBase: string): CreateResult {
    const b = Body.of(raw);
    const orderNumber = b.requireString('orderNumber', { max: 50 });
    const shippingCountryCode = b.requireString('shippingCountryCode', { max: 20 });
    const shippingCountry = b.requireString('shippingCountry', { max: 50 });
    const shippingProvince = b.requireString('shippingProvince', { max: 50 });
    const shippingCity = b.requireString('shippingCity', { max: 50 });
    const shippingCustomerName = b.requireString('shippingCustomerName', { max: 50 });
    const shippingAddress = b.requireString('shippingAddress', { max: 200 });
    const logisticName = b.requireString('logisticName', { max: 50 });
    const fromCountryCode = b.requireString('fromCountryCode', { max: 20 }).toUpperCase();
    const products = b.requireArray('products');
    if (products.length > MAX_PRODUCTS) throw paramError(`products must contain at most ${MAX_PRODUCTS} items`);
    const items = products.map((p, i) => {
      const item = Body.of(p);
      const vid = item.string('vid', { max: 50 });
      const sku = item.string('sku', { max: 50 });
      if (vid === undefined && sku === undefined) throw paramError(`products[${i}]: vid and sku cannot both be empty`);
      const quantity = item.int('quantity', { min: 1, max: 100_000 });
      if (quantity === undefined) throw paramError(`products[${i}].quantity must be not empty`);
      return { vid, sku, quantity, storeLineItemId: item.string('storeLineItemId', { max: 125 }) ?? null, index: i };
    });
    const payTypeRaw = version === 'V2' ? b.int('payType', { min: 1, max: 3 }) : undefined;
    const shopLogisticsType = b.int('shopLogisticsType', { min: 1, max: 3 }) ?? 2;
    const storageId = b.string('storageId', { max: 40 });
    if (shopLogisticsType === 1 && storageId === undefined) throw paramError('storageId must be not empty when shopLogisticsType is 1');
    const storage = storageId !== undefined ? SUB_BY_STORAGE_ID.get(storageId.toLowerCase()) : undefined;
    if (shopLogisticsType === 1 && !storage) throw paramError(`storageId ${storageId} is not a CJ warehouse (see warehouse/detail)`);
    const remark = b.string('remark', { max: 500 }) ?? null;

    const numbers = this.numbers.get(account.openId) ?? new Map<string, string>();
    if (numbers.has(orderNumber)) throw new CjError(Codes.orderExists, 'Order exist, please do not duplicate create');

    const to = findCountry(shippingCountryCode);
    if (!to) throw new CjError(Codes.countryNotFound, `country code not found: ${shippingCountryCode}`);
    if (!findCountry(fromCountryCode)) throw new CjError(Codes.countryNotFound, `country code not found: ${fromCountryCode}`);

    const lines: OrderLine[] = items.map((item) => {
      const variant = item.vid !== undefined ? this.d.catalogue.byVid.get(item.vid) : this.d.catalogue.byVariantSku.get((item.sku ?? '').toUpperCase());
      if (!variant) throw new CjError(Codes.variantNotFound, `Variant not found: ${item.vid ?? item.sku}`);
      if (item.vid !== undefined && item.sku !== undefined && variant.sku.toUpperCase() !== item.sku.toUpperCase()) {
        throw paramError(`products[${item.index}]: vid ${item.vid} and sku ${item.sku} refer to different variants`);
      }
      const product = this.d.catalogue.byPid.get(variant.pid);
      if (!product) throw new CjError(Codes.variantNotFound, `Variant not found: ${variant.vid}`);
      if (product.status !== 3 || variant.status !== 1) throw new CjError(Codes.variantRemoved, `Variant has been removed from shelves: ${variant.vid}`);
      const area = variant.stock.find((a) => a.countryCode === fromCountryCode);
      const available = area ? areaTotals(area).total : 0;
      if (available < item.quantity) {
        throw new CjError(Codes.orderCreateFail, `Order create fail: variant ${variant.vid} has ${available} units in the ${fromCountryCode} warehouse, ${item.quantity} requested`);
      }
      return {
        lineItemId: this.d.ids.long(),
        vid: variant.vid,
        pid: variant.pid,
        sku: variant.sku,
        productName: product.nameEn,
        image: variant.image,
        quantity: item.quantity,
        unitCents: variant.priceCents,
        weightG: variant.weightG,
        storeLineItemId: item.storeLineItemId,
        supplierName: product.supplierName,
      };
    });

    const parcel = lines.map((l) => ({ weightG: l.weightG, quantity: l.quantity, prop: this.d.catalogue.byPid.get(l.pid)?.prop ?? 'COMMON' }));
    const option = freightOptions(fromCountryCode, to, parcel).find((o) => o.logisticName === logisticName);
    if (!option) throw new CjError(Codes.logisticInvalid, 'Logistic invalid, please reference freight calculate.');

    const productCents = lines.reduce((sum, l) => sum + l.unitCents * l.quantity, 0);
    const totalCents = productCents + option.priceCents;
    const payType = version === 'V2' ? payTypeRaw ?? 1 : null;
    if (payType === 2 && account.balanceCents < totalCents) {
      // Balance payment is all-or-nothing here: nothing is created (UNCONFIRMED at CJ; see README).
      throw new CjError(Codes.balanceInsufficient, `Balance is insufficient: ${formatCents(account.balanceCents)} available, ${formatCents(totalCents)} required`);
    }

    const now = this.d.clock.now();
    const order: Order = {
      cjOrderId: this.d.ids.cjOrderId(now),
      openId: account.openId,
      orderNumber,
      status: 'CREATED',
      via: version === 'V2' ? 'createOrderV2' : 'createOrderV3',
      payType,
      createdAt: now,
      updatedAt: now,
      paidAt: null,
      shippedAt: null,
      deliveredAt: null,
      shipping: {
        countryCode: to.code,
        country: shippingCountry,
        province: shippingProvince,
        city: shippingCity,
        county: b.string('shippingCounty') ?? null,
        address: shippingAddress,
        address2: b.string('shippingAddress2') ?? null,
        zip: b.string('shippingZip') ?? null,
        phone: b.string('shippingPhone') ?? null,
        customerName: shippingCustomerName,
        email: b.string('email') ?? null,
        houseNumber: b.string('houseNumber') ?? null,
        taxId: b.string('taxId') ?? null,
      },
      remark,
      platform: b.string('platform') ?? 'Api',
      fromCountryCode,
      logisticName,
      agingMin: option.agingMin,
      agingMax: option.agingMax,
      trackPrefix: option.carrier.trackPrefix,
      shopLogisticsType,
      storageId: storage?.sub.storageId ?? null,
      storageName: storage?.sub.name ?? null,
      lines,
      productCents,
      postageCents: option.priceCents,
      weightG: parcel.reduce((s, l) => s + l.weightG * l.quantity, 0),
      shipmentOrderId: null,
      trackNumber: null,
      trackingUrl: null,
      lastTrackNumber: null,
      logisticStatus: null,
      trackEvents: [],
      stall: 'none',
      gen: 0,
      disputeId: null,
    };
    this.orders.set(order.cjOrderId, order);
    numbers.set(orderNumber, order.cjOrderId);
    this.numbers.set(account.openId, numbers);
    this.d.ledger.record({ kind: 'order', openId: account.openId, cjOrderId: order.cjOrderId, orderNumber, amount: formatCents(totalCents), status: order.status, via: order.via });
    this.d.lifecycle.created(order);

    let cjPayUrl: string | null = null;
    if (payType === 1 || payType === 2) {
      // Page payment and balance payment both go through cart + confirm on CJ's side.
      const shipment = this.newShipment(account, [order]);
      this.d.lifecycle.setStatus(order, 'UNPAID', payType === 1 ? 'page payment requested' : 'balance payment');
      if (payType === 1) {
        shipment.payId = this.d.ids.long();
        cjPayUrl = `${payUrlBase}/_sim/pay/${order.cjOrderId}`;
      } else {
        this.debit(account, [order], 'createOrderV2/payType2');
        shipment.paid = true;
      }
    }
    return { order, cjPayUrl };
  }

  /** PATCH confirmOrder: CREATED (or IN_CART) → UNPAID. */
  confirm(account: Account, id: string): Order {
    const order = this.find(account, id);
    if (!order) throw new CjError(Codes.orderConfirmFail, `order confirm fail: order ${id} not found`);
    if (order.status === 'UNPAID') return order; // confirming twice is harmless
    if (order.status !== 'CREATED' && order.status !== 'IN_CART') throw new CjError(Codes.orderConfirmFail, `order confirm fail: order is ${order.status}`);
    this.newShipment(account, [order]);
    this.d.lifecycle.setStatus(order, 'UNPAID', 'confirmOrder');
    return order;
  }

  /** DELETE deleteOrder: only before payment; the order becomes CANCELLED and keeps its orderNumber. */
  delete(account: Account, id: string): Order {
    const order = this.find(account, id);
    if (!order) throw new CjError(Codes.orderDeleteFail, `Order delete fail: order ${id} not found`);
    if (order.status !== 'CREATED' && order.status !== 'IN_CART' && order.status !== 'UNPAID') {
      throw new CjError(Codes.orderDeleteFail, `Order delete fail: order is ${order.status}; only unpaid orders can be deleted`);
    }
    order.gen++;
    this.d.lifecycle.setStatus(order, 'CANCELLED', 'deleteOrder');
    return order;
  }

  addCart(account: Account, ids: string[]): { added: string[]; intercepted: string[] } {
    const added: string[] = [];
    const intercepted: string[] = [];
    for (const id of ids) {
      const order = this.find(account, id);
      if (order && (order.status === 'CREATED' || order.status === 'IN_CART')) {
        if (order.status === 'CREATED') this.d.lifecycle.setStatus(order, 'IN_CART', 'addCart');
        added.push(id);
      } else intercepted.push(id);
    }
    return { added, intercepted };
  }

  addCartConfirm(account: Account, ids: string[]): { confirmed: string[]; intercepted: string[]; shipment: Shipment | undefined } {
    const confirmed: Order[] = [];
    const intercepted: string[] = [];
    for (const id of ids) {
      const order = this.find(account, id);
      if (order && order.status === 'IN_CART') confirmed.push(order);
      else intercepted.push(id);
    }
    if (confirmed.length === 0) return { confirmed: [], intercepted, shipment: undefined };
    const shipment = this.newShipment(account, confirmed);
    for (const order of confirmed) this.d.lifecycle.setStatus(order, 'UNPAID', 'addCartConfirm');
    return { confirmed: confirmed.map((o) => o.cjOrderId), intercepted, shipment };
  }

  /** saveGenerateParentOrder: fixes the payId of a shipment (the same one if asked twice). */
  parentOrder(account: Account, shipmentOrderId: string): { shipment: Shipment; orders: Order[] } {
    const shipment = this.shipment(account, shipmentOrderId);
    if (!shipment) throw new CjError(Codes.orderNotFound, `Order not found, please check the CJ order id: shipment ${shipmentOrderId}`);
    shipment.payId ??= this.d.ids.long();
    return { shipment, orders: this.shipmentOrders(shipment) };
  }

  /** payBalance {orderId}: UNPAID → UNSHIPPED, debiting the balance once. */
  payBalance(account: Account, id: string): Order {
    const order = this.find(account, id);
    if (!order) throw new CjError(Codes.orderNotFound, 'Order not found, please check the CJ order id');
    this.assertPayable(order);
    this.debit(account, [order], 'payBalance');
    const shipment = order.shipmentOrderId ? this.shipments.get(order.shipmentOrderId) : undefined;
    if (shipment && this.shipmentOrders(shipment).every((o) => o.paidAt !== null)) shipment.paid = true;
    return order;
  }

  /** payBalanceV2 {shipmentOrderId, payId}: pays every order of the shipment in one debit. */
  payBalanceV2(account: Account, shipmentOrderId: string, payId: string): Order[] {
    const shipment = this.shipment(account, shipmentOrderId);
    if (!shipment) throw new CjError(Codes.orderNotFound, `Order not found, please check the CJ order id: shipment ${shipmentOrderId}`);
    if (shipment.payId === null || shipment.payId !== payId) throw paramError('payId does not belong to this shipmentOrderId (call saveGenerateParentOrder first)');
    const orders = this.shipmentOrders(shipment);
    if (shipment.paid || orders.every((o) => o.paidAt !== null)) throw new CjError(Codes.orderPayFail, 'Order pay fail: this shipment has already been paid');
    const payable = orders.filter((o) => o.paidAt === null && o.status === 'UNPAID');
    if (payable.length === 0) throw new CjError(Codes.orderPayFail, 'Order pay fail: no order of this shipment is waiting for payment');
    this.debit(account, payable, 'payBalanceV2');
    shipment.paid = true;
    return payable;
  }

  /** The simulated "page payment" behind cjPayUrl: paid outside the balance. */
  payOnPage(order: Order): void {
    this.assertPayable(order);
    const account = this.d.accounts.get(order.openId);
    if (!account) throw new Error(`no account ${order.openId}`);
    this.d.ledger.record({ kind: 'payment', openId: order.openId, cjOrderIds: [order.cjOrderId], amount: formatCents(orderTotalCents(order)), balanceAfter: formatCents(account.balanceCents), via: 'page' });
    this.d.lifecycle.paid(order, 'page payment');
  }

  private assertPayable(order: Order): void {
    if (order.paidAt !== null) throw new CjError(Codes.orderPayFail, `Order pay fail: order ${order.cjOrderId} has already been paid`);
    if (order.status === 'CANCELLED') throw new CjError(Codes.orderPayFail, `Order pay fail: order ${order.cjOrderId} is cancelled`);
    if (order.status !== 'UNPAID') throw new CjError(Codes.orderPayFail, `Order pay fail: order ${order.cjOrderId} is ${order.status}; confirm it first (confirmOrder or addCart + addCartConfirm)`);
  }

  private debit(account: Account, orders: Order[], via: 'payBalance' | 'payBalanceV2' | 'createOrderV2/payType2'): void {
    const total = orders.reduce((sum, o) => sum + orderTotalCents(o), 0);
    if (account.balanceCents < total) {
      throw new CjError(Codes.balanceInsufficient, `Balance is insufficient: ${formatCents(account.balanceCents)} available, ${formatCents(total)} required`);
    }
    account.balanceCents -= total;
    this.d.ledger.record({ kind: 'payment', openId: account.openId, cjOrderIds: orders.map((o) => o.cjOrderId), amount: formatCents(total), balanceAfter: formatCents(account.balanceCents), via });
    for (const o of orders) this.d.lifecycle.paid(o, via);
  }

  private newShipment(account: Account, orders: Order[]): Shipment {
    const shipment: Shipment = { shipmentOrderId: this.d.ids.shipmentId(this.d.clock.now()), openId: account.openId, cjOrderIds: orders.map((o) => o.cjOrderId), payId: null, createdAt: this.d.clock.now(), paid: false };
    this.shipments.set(shipment.shipmentOrderId, shipment);
    for (const o of orders) o.shipmentOrderId = shipment.shipmentOrderId;
    return shipment;
  }

  shipmentOrders(shipment: Shipment): Order[] {
    return shipment.cjOrderIds.map((id) => this.orders.get(id)).filter((o): o is Order => o !== undefined);
  }

  list(account: Account, filter: { status?: OrderStatus | 'OTHER'; orderIds: string[]; shipmentOrderId?: string }): Order[] {
    return this.forAccount(account)
      .filter((o) => filter.status === undefined || (filter.status === 'OTHER' ? false : o.status === filter.status))
      .filter((o) => filter.orderIds.length === 0 || filter.orderIds.includes(o.cjOrderId) || filter.orderIds.includes(o.orderNumber))
      .filter((o) => filter.shipmentOrderId === undefined || o.shipmentOrderId === filter.shipmentOrderId)
      .sort((a, b) => b.createdAt - a.createdAt || (a.cjOrderId < b.cjOrderId ? 1 : -1));
  }
}
