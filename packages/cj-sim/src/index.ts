// @lojista/cj-sim — a faithful local simulator of the CJ Dropshipping Open API 2.0.
// Start one in-process with startSimulator(), or standalone with the `cj-sim` CLI.
import { resolveOptions, type SimulatorOptions } from './options.js';
import { API_PREFIX, Simulator } from './server.js';
import type { SimControl } from './control.js';

export type { SimulatorOptions } from './options.js';
export type { SimControl, AdvanceBy, ProductView, VariantView, OrderView, DisputeView, ProductFilter } from './control.js';
export type { AccountView } from './accounts.js';
export type { LedgerEntry, LedgerFilter, LedgerKind, CallEntry, OrderEntry, PaymentEntry, RefundEntry, OrderStatusEntry, DisputeEntry, WebhookEntry, WebhookProbeEntry } from './ledger.js';
export type { FaultRuleInput as FaultRule, FaultRuleState, FaultMode } from './faults.js';
export type { OrderStatus } from './orders/types.js';
export { FAULT_MODES } from './faults.js';
export { webhookSignature } from './webhooks/sign.js';
export { API_KEY_PATTERN } from './accounts.js';

export interface RunningSimulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** `${url}/api2.0/v1` — point a CJ client here. */
  baseUrl: string;
  port: number;
  /** A ready account's key ('CJ1000001@api@' + 32 hex, deterministic from the seed). */
  demoApiKey: string;
  /** In-process equivalent of the /_sim control HTTP API. */
  control: SimControl;
  close(): Promise<void>;
}

/** Starts a simulator on `host:port` (default 127.0.0.1, port 0 = any free port). */
export async function startSimulator(opts: SimulatorOptions & { port?: number; host?: string } = {}): Promise<RunningSimulator> {
  const { port = 0, host = '127.0.0.1', ...rest } = opts;
  const sim = new Simulator(resolveOptions(rest));
  await sim.listen(port, host);
  return {
    url: sim.url,
    baseUrl: `${sim.url}${API_PREFIX}`,
    port: sim.port,
    demoApiKey: sim.state.demo.apiKey,
    control: sim.control,
    close: () => sim.close(),
  };
}
