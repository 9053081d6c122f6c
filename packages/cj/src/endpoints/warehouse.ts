import { type CallOptions, type Execute, defineEndpoint } from '../endpoint.js';
import { type WarehouseDetail, warehouseDetailData } from '../schemas/misc.js';

// There is no "list warehouses" endpoint (cj-api.md §10): areas come from products.globalWarehouses().
export const warehouseEndpoints = {
  detail: defineEndpoint<WarehouseDetail>({ path: '/warehouse/detail', method: 'GET', idempotent: true, auth: true, data: warehouseDetailData }),
} as const;

export class WarehouseApi {
  constructor(private readonly execute: Execute) {}

  /** Not found → CjNotFoundError (1608001). */
  detail(id: string, call?: CallOptions): Promise<WarehouseDetail> {
    return this.execute(warehouseEndpoints.detail, { query: { id } }, call);
  }
}
