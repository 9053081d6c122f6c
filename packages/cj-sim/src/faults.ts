// Fault injection: make any endpoint fail the ways real networks and real CJ fail, on purpose and
// reproducibly. Each rule draws from its own seeded random stream, so "rate: 0.3" fails the same
// calls on every run with the same seed.
import { z } from 'zod';
import { rngFor, type Rng } from './rng.js';

export const FAULT_MODES = ['error', 'latency', 'timeout', 'commit-then-drop', 'drop', 'http-5xx', 'non-json'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export const faultRuleSchema = z
  .object({
    /** Path below /api2.0/v1 ("/shopping/order/createOrderV2"), a prefix ending in "*" ("/product/*"), or "*" for every endpoint. */
    path: z.string().min(1),
    /** Only this HTTP method (default: any). */
    method: z.enum(['GET', 'POST', 'PATCH', 'DELETE']).optional(),
    /**
     * error — answer a CJ error envelope (code, message, httpStatus) without processing;
     * latency — wait latencyMs, then process normally;
     * timeout — hold the request without processing until the client gives up (nothing committed);
     * commit-then-drop — process and commit fully, then destroy the socket without answering;
     * drop — destroy the socket without processing (nothing committed);
     * http-5xx — answer httpStatus (default 502) with an HTML body, without processing;
     * non-json — answer 200 with a truncated, unparseable body, without processing.
     */
    mode: z.enum(FAULT_MODES),
    /** Probability (0..1) that a matching call is hit. Default 1. */
    rate: z.number().min(0).max(1).default(1),
    /** Stop after this many hits (default: unlimited). */
    times: z.number().int().positive().optional(),
    /** Only calls of this account. */
    openId: z.union([z.string(), z.number()]).transform(String).optional(),
    /** For mode "error": the CJ code (default 1600000 "System busy"). */
    code: z.number().int().optional(),
    message: z.string().optional(),
    /** For "error" (default 200) and "http-5xx" (default 502). */
    httpStatus: z.number().int().min(100).max(599).optional(),
    /** For "latency" (required) and "timeout" (how long to hold at most, default: until the client disconnects). */
    latencyMs: z.number().int().min(0).max(600_000).optional(),
  })
  .strict()
  .refine((r) => r.mode !== 'latency' || r.latencyMs !== undefined, { message: 'latencyMs is required for mode "latency"', path: ['latencyMs'] });

export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.output<typeof faultRuleSchema>;

export interface FaultRuleState extends FaultRule {
  id: number;
  hits: number;
  /** Hits left before the rule is spent; null when unlimited. */
  remaining: number | null;
}

export interface FaultDecision {
  /** Total extra latency from every matching latency rule. */
  latencyMs: number;
  /** The terminal fault to apply, if any (first matching non-latency rule that fired). */
  fault: FaultRuleState | undefined;
}

export class FaultInjector {
  private rules: Array<{ state: FaultRuleState; rng: Rng }> = [];
  private nextId = 1;

  constructor(private readonly seed: number) {}

  add(input: FaultRuleInput | FaultRuleInput[]): FaultRuleState[] {
    const list = Array.isArray(input) ? input : [input];
    const parsed = list.map((r) => faultRuleSchema.parse(r));
    return parsed.map((rule) => {
      const id = this.nextId++;
      const state: FaultRuleState = { ...rule, id, hits: 0, remaining: rule.times ?? null };
      this.rules.push({ state, rng: rngFor(this.seed, 'fault', id) });
      return { ...state };
    });
  }

  list(): FaultRuleState[] {
    return this.rules.map((r) => ({ ...r.state }));
  }

  clear(): void {
    this.rules = [];
  }

  /** Decides what happens to one call. Every matching rule draws once, so decisions are reproducible. */
  decide(path: string, method: string, openId: string | null): FaultDecision {
    let latencyMs = 0;
    let fault: FaultRuleState | undefined;
    for (const { state, rng } of this.rules) {
      if (state.remaining === 0) continue;
      if (!matches(state.path, path)) continue;
      if (state.method !== undefined && state.method !== method) continue;
      if (state.openId !== undefined && state.openId !== openId) continue;
      const fires = rng.next() < state.rate;
      if (!fires) continue;
      if (state.mode === 'latency') {
        latencyMs += state.latencyMs ?? 0;
      } else if (fault) {
        continue; // one terminal fault per call; later rules do not consume their budget
      } else {
        fault = state;
      }
      state.hits++;
      if (state.remaining !== null) state.remaining--;
    }
    return { latencyMs, fault: fault ? { ...fault } : undefined };
  }
}

function matches(pattern: string, path: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  return pattern === path;
}
