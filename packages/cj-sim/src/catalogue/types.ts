// The simulator's internal product model. Routes render it into CJ's (endpoint-specific) shapes.

/** Stock of one variant in one sub-warehouse. `cj` is CJ-owned (verified) stock, `factory` the supplier's. */
export interface SubStock {
  stockId: string;
  storageId: string;
  cj: number;
  factory: number;
}

/** Stock of one variant in one warehouse area (country). */
export interface AreaStock {
  countryCode: string;
  subs: SubStock[];
}

export interface Variant {
  vid: string;
  pid: string;
  nameEn: string;
  sku: string;
  /** variantKey exactly as CJ prints it: "Purple-S" or the JSON-array style '["XS"]'. */
  key: string;
  /** The option values, e.g. ["Purple", "S"]. */
  values: string[];
  weightG: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  priceCents: number;
  suggestCents: number;
  createTime: number;
  /** Index (1-based) of the product image that shows this variant. */
  image: number;
  /** 1 on sale, 0 off sale. */
  status: 0 | 1;
  stock: AreaStock[];
}

export interface Product {
  pid: string;
  /** SPU, also printed as productSku / sku / spu. */
  sku: string;
  nameEn: string;
  nameCn: string[];
  niche: string;
  esoteric: boolean;
  typeNoun: string;
  categoryId: string;
  descriptionHtml: string;
  material: { en: string; cn: string; key: string };
  packing: { en: string; cn: string; key: string };
  productKeyEn: string;
  productKeyCn: string;
  prop: string;
  weightG: number;
  packWeightG: number;
  imageCount: number;
  hue: number;
  listedNum: number;
  createAt: number;
  supplierName: string;
  supplierId: string;
  productType: 'ORDINARY_PRODUCT' | 'SUPPLIER_PRODUCT';
  addMarkStatus: 0 | 1;
  entryCode: string;
  entryNameEn: string;
  entryNameCn: string;
  deliveryCycle: string;
  /** 3 on sale, 2 off sale (delisted). */
  status: 2 | 3;
  variants: Variant[];
  /** Search index: stems of the English name, in order. */
  tokens: string[];
  tokenSet: Set<string>;
}
