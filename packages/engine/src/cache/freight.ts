// CJ's freightCalculate answer per route, variant and quantity, reused for the cache's TTL (1 h by
// default): the storefront's shipping quote, the checkout that follows it and the admin's freight
// proxy ask the same question within minutes, from one 1-QPS budget. An entry is tagged with its
// variant ids, so a webhook or the inventory sync reporting a change to a variant drops it.
import type { FreightOption } from '@lojista/cj';
import type { StoreContext } from '../stores/context.js';

export interface FreightItem {
  vid: string;
  quantity: number;
}

export async function cachedFreight(
  ctx: StoreContext,
  from: string,
  to: string,
  items: FreightItem[],
  signal?: AbortSignal,
  opts: { fresh?: boolean } = {},
): Promise<FreightOption[]> {
  const key = `${from}>${to}|${[...items].sort((a, b) => a.vid.localeCompare(b.vid)).map((i) => `${i.vid}*${i.quantity}`).join(',')}`;
  return ctx.cache.through(
    'freight',
    key,
    items.map((i) => i.vid),
    () => ctx.cj.logistic.freightCalculate({ startCountryCode: from, endCountryCode: to, products: items }, { signal }),
    opts,
  );
}
