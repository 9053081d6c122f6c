// warehouse/detail: one storage (sub-warehouse) by its 32-hex id.
import { SUB_BY_STORAGE_ID } from '../catalogue/warehouses.js';
import { CjError } from '../errors.js';
import { route, type RouteDef } from './types.js';

export const warehouseRoutes: RouteDef[] = [
  route({
    method: 'GET',
    path: '/warehouse/detail',
    auth: 'token',
    body: 'none',
    envelope: 'standard+success',
    handler: ({ query }) => {
      const id = query.requireString('id').toLowerCase();
      const found = SUB_BY_STORAGE_ID.get(id);
      if (!found) throw new CjError(1608001, 'Warehouse info not found');
      const { area, sub } = found;
      return {
        id: sub.storageId,
        name: sub.name,
        areaId: area.areaId,
        areaCountryCode: area.countryCode,
        address1: sub.address1,
        address2: null,
        contacts: null,
        phone: sub.phone,
        city: sub.city,
        province: sub.province,
        logisticsBrandList: area.logisticsBrands.map((b) => ({ id: b, name: b })),
        isSelfPickup: null,
        zipCode: sub.zipCode,
      };
    },
  }),
];
