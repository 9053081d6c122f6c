import { z } from 'zod';
import { type StockEntry, type VariantInventory, variantInventory } from './product.js';
import { id, list, num, optId, stockId, text } from './primitives.js';

/** Stock of one variant (or SPU) in one warehouse area. CJ's `…InventoryNum` names are shortened. */
export interface StockArea {
  vid?: string | undefined;
  areaId?: string | undefined;
  areaEn?: string | undefined;
  countryCode?: string | undefined;
  countryNameEn?: string | undefined;
  totalInventory?: number | undefined;
  cjInventory?: number | undefined;
  factoryInventory?: number | undefined;
  stock: StockEntry[];
}

const stockArea = z
  .object({
    vid: optId,
    areaId: optId,
    areaEn: text,
    countryCode: text,
    countryNameEn: text,
    totalInventoryNum: num,
    cjInventoryNum: num,
    factoryInventoryNum: num,
    // Deprecated by CJ in favour of totalInventoryNum; used only when the new field is absent.
    storageNum: num,
    stock: list(z.object({ stockId, inventory: num, factoryInventory: num })),
  })
  .transform(
    (s): StockArea => ({
      vid: s.vid,
      areaId: s.areaId,
      areaEn: s.areaEn,
      countryCode: s.countryCode,
      countryNameEn: s.countryNameEn,
      totalInventory: s.totalInventoryNum ?? s.storageNum,
      cjInventory: s.cjInventoryNum,
      factoryInventory: s.factoryInventoryNum,
      stock: s.stock,
    }),
  );

export const stockAreasData = list(stockArea);

export interface ProductInventory {
  /** Per warehouse area, all variants together. */
  inventories: StockArea[];
  variantInventories: { vid: string; inventories: VariantInventory[] }[];
}

/** GET product/stock/getInventoryByPid. */
export const productInventoryData = z
  .object({
    inventories: list(stockArea),
    variantInventories: list(z.object({ vid: id, inventory: list(variantInventory) })),
  })
  .transform(
    (d): ProductInventory => ({
      inventories: d.inventories,
      variantInventories: d.variantInventories.map((v) => ({ vid: v.vid, inventories: v.inventory })),
    }),
  );
