import { type CallOptions, type Execute, defineEndpoint } from '../endpoint.js';
import { type ProductInventory, type StockArea, productInventoryData, stockAreasData } from '../schemas/stock.js';

// Stock reads (cj-api.md §6.2). There is no batch endpoint (queryByVids does not exist, §10).
export const stockEndpoints = {
  byVid: defineEndpoint<StockArea[]>({ path: '/product/stock/queryByVid', method: 'GET', idempotent: true, auth: true, data: stockAreasData }),
  bySku: defineEndpoint<StockArea[]>({ path: '/product/stock/queryBySku', method: 'GET', idempotent: true, auth: true, data: stockAreasData }),
  byPid: defineEndpoint<ProductInventory>({ path: '/product/stock/getInventoryByPid', method: 'GET', idempotent: true, auth: true, data: productInventoryData }),
} as const;

export class StockApi {
  constructor(private readonly execute: Execute) {}

  /** One entry per warehouse area. */
  byVid(vid: string, call?: CallOptions): Promise<StockArea[]> {
    return this.execute(stockEndpoints.byVid, { query: { vid } }, call);
  }

  /** `sku` may be a variant SKU or an SPU. */
  bySku(sku: string, call?: CallOptions): Promise<StockArea[]> {
    return this.execute(stockEndpoints.bySku, { query: { sku } }, call);
  }

  /** Every variant of a product in one call. */
  byPid(pid: string, opts: { countryCode?: string } = {}, call?: CallOptions): Promise<ProductInventory> {
    return this.execute(stockEndpoints.byPid, { query: { pid, countryCode: opts.countryCode } }, call);
  }
}
