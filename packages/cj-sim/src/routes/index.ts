// Every CJ route the simulator serves, and the lookup that tells "unknown path" (1600101) from
// "known path, wrong method" (16900202).
import { authRoutes } from './auth.js';
import { disputeRoutes } from './disputes.js';
import { logisticRoutes } from './logistic.js';
import { orderRoutes } from './orders.js';
import { payRoutes } from './pay.js';
import { productRoutes } from './product.js';
import { settingRoutes } from './setting.js';
import { sourcingRoutes } from './sourcing.js';
import { stockRoutes } from './stock.js';
import type { RouteDef } from './types.js';
import { warehouseRoutes } from './warehouse.js';
import { webhookRoutes } from './webhook.js';

export type RouteMatch = { kind: 'found'; route: RouteDef } | { kind: 'wrong-method'; allowed: string[] } | { kind: 'unknown' };

export class Router {
  readonly routes: RouteDef[];
  private readonly byPath = new Map<string, RouteDef[]>();

  constructor() {
    const tokenPaths = () => this.routes.filter((r) => r.auth === 'token').map((r) => r.path);
    this.routes = [...authRoutes, ...settingRoutes(tokenPaths), ...productRoutes, ...stockRoutes, ...sourcingRoutes, ...warehouseRoutes, ...orderRoutes, ...payRoutes, ...logisticRoutes, ...disputeRoutes, ...webhookRoutes];
    for (const r of this.routes) {
      const list = this.byPath.get(r.path) ?? [];
      list.push(r);
      this.byPath.set(r.path, list);
    }
  }

  match(method: string, path: string): RouteMatch {
    const list = this.byPath.get(path);
    if (!list) return { kind: 'unknown' };
    const found = list.find((r) => r.method === method);
    return found ? { kind: 'found', route: found } : { kind: 'wrong-method', allowed: list.map((r) => r.method) };
  }
}
