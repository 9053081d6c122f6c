// What a route is: method, path (below /api2.0/v1), how it authenticates, whether it reads a JSON
// body, which envelope it answers with, and its handler. The server does the rest (auth, QPS,
// faults, envelopes, ledger) the same way for every route.
import type { Account } from '../accounts.js';
import type { EnvelopeStyle } from '../envelope.js';
import type { Query } from '../params.js';
import type { SimState } from '../state.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RouteContext {
  state: SimState;
  /** The authenticated account (token routes) or the account the body names (auth routes). */
  account: Account | undefined;
  query: Query;
  /** The parsed JSON body (routes with body: 'json'). */
  body: unknown;
  /** Base of absolute URLs in responses, e.g. http://127.0.0.1:8787. */
  base: string;
  requestId: string;
}

export interface RouteDef {
  method: HttpMethod;
  path: string;
  auth: 'token' | 'none';
  body: 'json' | 'none';
  envelope: EnvelopeStyle;
  /** Auth routes: the account the body names, so the call counts against that account's QPS. */
  identify?: (state: SimState, body: unknown) => Account | undefined;
  handler: (ctx: RouteContext) => unknown;
}

/** The authenticated account; token routes always have one. */
export function accountOf(ctx: RouteContext): Account {
  if (!ctx.account) throw new Error('route needs an authenticated account');
  return ctx.account;
}

export function route(def: RouteDef): RouteDef {
  return def;
}
