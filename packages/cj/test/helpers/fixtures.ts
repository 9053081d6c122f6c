import type { CreateOrderV2Body } from '../../src/index.js';

export const ORDER: CreateOrderV2Body = {
  orderNumber: 'LOJ-1001',
  shippingCountryCode: 'US',
  shippingCountry: 'United States',
  shippingProvince: 'CA',
  shippingCity: 'LA',
  shippingCustomerName: 'Ana',
  shippingAddress: '1 Main St',
  logisticName: 'CJPacket Ordinary',
  fromCountryCode: 'CN',
  payType: 3,
  products: [{ vid: 'V1', quantity: 2, unitPrice: '11.85' }],
};
