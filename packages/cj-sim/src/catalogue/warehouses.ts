// CJ's warehouse areas (globalWarehouseList) and the sub-warehouses inside them.
//
// A sub-warehouse has one UUID shown two ways: as a stock entry's `stockId` in braces
// ("{6709CCD7-…}", as CJ prints it) and as a storage id (32 lowercase hex, no dashes) accepted by
// warehouse/detail and createOrder's storageId. The simulator's own convention; CJ's mapping is
// UNCONFIRMED (cj-api.md §6.3).

export interface SubWarehouse {
  uuid: string;
  /** `{UUID}` as printed in stock[].stockId. */
  stockId: string;
  /** 32 lowercase hex, as warehouse/detail's `id`. */
  storageId: string;
  name: string;
  province: string;
  city: string;
  address1: string;
  zipCode: string;
  phone: string;
}

export interface Area {
  areaId: number;
  countryCode: string;
  areaEn: string;
  areaCn: string;
  nameEn: string;
  de: string;
  fr: string;
  th: string;
  logisticsBrands: string[];
  subs: SubWarehouse[];
}

function sub(uuid: string, name: string, province: string, city: string, address1: string, zipCode: string, phone: string): SubWarehouse {
  return { uuid, stockId: `{${uuid}}`, storageId: uuid.replace(/-/g, '').toLowerCase(), name, province, city, address1, zipCode, phone };
}

// Fixed (seed-independent) ids: real warehouses do not change between accounts.
export const AREAS: readonly Area[] = [
  {
    areaId: 1, countryCode: 'CN', areaEn: 'China Warehouse', areaCn: '中国仓', nameEn: 'China', de: 'China-Lager', fr: 'Entrepôt Chine', th: 'คลังสินค้าจีน',
    logisticsBrands: ['CJPacket', 'YunExpress', '4PX', 'YANWEN'],
    subs: [
      sub('6709CCD7-0DC7-43B1-B310-17AB499E9B0A', 'Shenzhen Warehouse', 'Guangdong', 'Shenzhen', 'Longhua District, Shenzhen', '518000', '+86-755-86935800'),
      sub('2B8E41F0-5C3A-4E7B-9D21-8F6A0C4B7E13', 'Yiwu Warehouse', 'Zhejiang', 'Yiwu', 'Futian Street, Yiwu', '322000', '+86-579-85580000'),
    ],
  },
  {
    areaId: 2, countryCode: 'US', areaEn: 'US Warehouse', areaCn: '美国仓', nameEn: 'United States', de: 'US-Lager', fr: 'Entrepôt américain', th: 'คลังสินค้าสหรัฐ',
    logisticsBrands: ['USPS', 'FedEx', 'UPS', 'GOFO', 'DHL', 'UniUni', 'CBT'],
    subs: [
      sub('201E67F6-BA46-44C0-A36D-63BF4989DD70', 'Cranbury Warehouse', 'New Jersey', 'Cranbury', 'Cranbury, New Jersey', '08512', '+1-9095862127'),
      sub('7C3D9A12-4E5F-4B6A-8C7D-1E2F3A4B5C6D', 'Chino Warehouse', 'California', 'Chino', 'Chino, California', '91710', '+1-9095862128'),
    ],
  },
  {
    areaId: 3, countryCode: 'DE', areaEn: 'Germany Warehouse', areaCn: '德国仓', nameEn: 'Germany', de: 'Deutschland-Lager', fr: 'Entrepôt Allemagne', th: 'คลังสินค้าเยอรมนี',
    logisticsBrands: ['DHL', 'DPD', 'GLS', 'Hermes'],
    subs: [sub('9A4B2C1D-3E5F-4A6B-9C8D-7E6F5A4B3C2D', 'Dortmund Warehouse', 'North Rhine-Westphalia', 'Dortmund', 'Dortmund, NRW', '44147', '+49-231-5550100')],
  },
  {
    areaId: 4, countryCode: 'GB', areaEn: 'UK Warehouse', areaCn: '英国仓', nameEn: 'United Kingdom', de: 'UK-Lager', fr: 'Entrepôt Royaume-Uni', th: 'คลังสินค้าสหราชอาณาจักร',
    logisticsBrands: ['Royal Mail', 'Evri', 'DPD'],
    subs: [sub('4D5E6F7A-8B9C-4D1E-A2F3-B4C5D6E7F809', 'Birmingham Warehouse', 'West Midlands', 'Birmingham', 'Birmingham, West Midlands', 'B7 4BB', '+44-121-4960000')],
  },
  {
    areaId: 5, countryCode: 'FR', areaEn: 'France Warehouse', areaCn: '法国仓', nameEn: 'France', de: 'Frankreich-Lager', fr: 'Entrepôt France', th: 'คลังสินค้าฝรั่งเศส',
    logisticsBrands: ['Colissimo', 'Chronopost', 'DPD'],
    subs: [sub('5E6F7A8B-9C0D-4E1F-B2A3-C4D5E6F7A809', 'Paris Nord Warehouse', 'Ile-de-France', 'Roissy', 'Roissy-en-France', '95700', '+33-1-70000000')],
  },
  {
    areaId: 6, countryCode: 'TH', areaEn: 'Thailand Warehouse', areaCn: '泰国仓', nameEn: 'Thailand', de: 'Thailand-Lager', fr: 'Entrepôt Thaïlande', th: 'คลังสินค้าไทย',
    logisticsBrands: ['Kerry Express', 'Flash Express', 'J&T'],
    subs: [sub('6F7A8B9C-0D1E-4F2A-93B4-C5D6E7F8A910', 'Bangkok Warehouse', 'Bangkok', 'Bangkok', 'Lat Krabang, Bangkok', '10520', '+66-2-1234567')],
  },
  {
    areaId: 7, countryCode: 'AU', areaEn: 'Australia Warehouse', areaCn: '澳洲仓', nameEn: 'Australia', de: 'Australien-Lager', fr: 'Entrepôt Australie', th: 'คลังสินค้าออสเตรเลีย',
    logisticsBrands: ['Australia Post', 'StarTrack'],
    subs: [sub('7A8B9C0D-1E2F-4A3B-A4C5-D6E7F8A9B021', 'Sydney Warehouse', 'New South Wales', 'Sydney', 'Wetherill Park, Sydney', '2164', '+61-2-90000000')],
  },
];

export const AREA_BY_COUNTRY: ReadonlyMap<string, Area> = new Map(AREAS.map((a) => [a.countryCode, a]));

export const SUB_BY_STORAGE_ID: ReadonlyMap<string, { area: Area; sub: SubWarehouse }> = new Map(
  AREAS.flatMap((area) => area.subs.map((s) => [s.storageId, { area, sub: s }] as const)),
);
