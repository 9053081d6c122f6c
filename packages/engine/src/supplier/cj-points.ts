// What a CJ call costs in points (CJ's points model, cj-api.md §5): listV2 and the v1 list 50,
// product details, stock and freight 10, image search 1000, everything else free. Counted for
// answered calls only: a throttled or failed call is not known to be charged.
const COSTS: ReadonlyArray<[RegExp, number]> = [
  [/^\/product\/(listV2|list)$/, 50],
  [/^\/product\/queryProductsByImage$/, 1000],
  [/^\/product\/(query|variant\/query|variant\/queryByVid)$/, 10],
  [/^\/product\/stock\/(queryByVid|queryBySku|getInventoryByPid|privateInventory\/.+)$/, 10],
  [/^\/storehouseCenterWeb\/syncStorehouseVideoRequests$/, 10],
  [/^\/logistic\/(freightCalculate|freightCalculateTip|partnerFreightCalculate|getSupplierLogisticsTemplate)$/, 10],
  [/^\/webhook\/product\/(subscribe|unsubscribe)$/, 10],
];

export function cjPointsFor(endpoint: string): number {
  for (const [pattern, points] of COSTS) if (pattern.test(endpoint)) return points;
  return 0;
}
