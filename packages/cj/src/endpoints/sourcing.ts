import { type CallOptions, type Execute, defineEndpoint } from '../endpoint.js';
import { moneyInput } from '../json.js';
import { type SourcingCreated, type SourcingRecord, sourcingCreateData, sourcingQueryData } from '../schemas/misc.js';

export const sourcingEndpoints = {
  create: defineEndpoint<SourcingCreated>({
    path: '/product/sourcing/create',
    method: 'POST',
    idempotent: false,
    auth: true,
    data: sourcingCreateData,
    reconcile: 'CJ has no lookup by your ids; check the SOURCINGCREATE webhook or sourcing.query with known ids before resending',
  }),
  // A read that happens to be a POST: safe to retry.
  query: defineEndpoint<SourcingRecord[]>({ path: '/product/sourcing/query', method: 'POST', idempotent: true, auth: true, data: sourcingQueryData }),
} as const;

export interface SourcingCreateBody {
  productName: string;
  productImage: string;
  productUrl?: string;
  remark?: string;
  /** USD, decimal string or number; sent as an exact JSON number. */
  price?: string | number;
  thirdProductId?: string;
  thirdVariantId?: string;
  thirdProductSku?: string;
}

export class SourcingApi {
  constructor(private readonly execute: Execute) {}

  create(body: SourcingCreateBody, call?: CallOptions): Promise<SourcingCreated> {
    const key: Record<string, string> = { productName: body.productName };
    if (body.thirdProductId !== undefined) key['thirdProductId'] = body.thirdProductId;
    return this.execute(
      sourcingEndpoints.create,
      { body: { ...body, price: body.price === undefined ? undefined : moneyInput('price', body.price) }, businessKey: key },
      call,
    );
  }

  query(sourceIds: string[], call?: CallOptions): Promise<SourcingRecord[]> {
    return this.execute(sourcingEndpoints.query, { body: { sourceIds } }, call);
  }
}
