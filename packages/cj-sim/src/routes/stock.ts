// product/stock/*: inventory per warehouse area with sub-warehouse detail. The three endpoints
// differ in shape and even in types (areaId "1" vs 1), as CJ's samples do.
import { inventoryByPid, stockBySkuRows, stockByVidRows } from '../catalogue/present.js';
import { CjError, Codes } from '../errors.js';
import { route, type RouteDef } from './types.js';

export const stockRoutes: RouteDef[] = [
  route({
    method: 'GET',
    path: '/product/stock/queryByVid',
    auth: 'token',
    body: 'none',
    envelope: 'standard',
    handler: ({ state, query }) => {
      const variant = state.catalogue.byVid.get(query.requireString('vid'));
      if (!variant) throw new CjError(Codes.variantNotFound, 'Variant not found');
      return stockByVidRows(variant);
    },
  }),
  route({
    method: 'GET',
    path: '/product/stock/queryBySku',
    auth: 'token',
    body: 'none',
    envelope: 'standard+success',
    handler: ({ state, query }) => {
      const sku = query.requireString('sku').toUpperCase();
      const variant = state.catalogue.byVariantSku.get(sku);
      if (variant) return stockBySkuRows([variant]);
      const product = state.catalogue.bySpu.get(sku);
      if (product) return stockBySkuRows(product.variants);
      throw new CjError(Codes.variantNotFound, 'Variant not found');
    },
  }),
  route({
    method: 'GET',
    path: '/product/stock/getInventoryByPid',
    auth: 'token',
    body: 'none',
    envelope: 'inventory',
    handler: ({ state, query }) => {
      const product = state.catalogue.byPid.get(query.requireString('pid'));
      if (!product) throw new CjError(Codes.productNotFound, 'Product not found');
      const data = inventoryByPid(product) as { inventories: Array<{ countryCode: string }>; variantInventories: Array<{ vid: string; inventory: Array<{ countryCode: string }> }> };
      const cc = query.string('countryCode')?.toUpperCase();
      if (cc === undefined) return data;
      return {
        inventories: data.inventories.filter((i) => i.countryCode === cc),
        variantInventories: data.variantInventories.map((v) => ({ ...v, inventory: v.inventory.filter((i) => i.countryCode === cc) })),
      };
    },
  }),
];
