import { z } from 'zod';
import { parseCjJson } from './json.js';

/**
 * CJ's response envelope, normalised. CJ is not uniform (cj-api.md §3): `result` or `success` or
 * both, `code` 200 or 0 or missing, 429 bodies without `result`, `redirectUri` instead of
 * `requestId`. Every variant is accepted here and reduced to one rule (§3, "recommended client rule"):
 *
 *   success ⇔ HTTP 2xx ∧ (code ∈ {200, 0} ∨ code absent) ∧ result !== false ∧ success !== false
 */
export interface Envelope {
  code: number | undefined;
  result: boolean | undefined;
  success: boolean | undefined;
  message: string | undefined;
  data: unknown;
  requestId: string | undefined;
}

const flag = z
  .union([z.boolean(), z.string(), z.number(), z.null()])
  .optional()
  .transform((v): boolean | undefined => {
    if (v === true || v === 'true') return true;
    if (v === false || v === 'false') return false;
    return undefined;
  });

const envelopeSchema = z.looseObject({
  code: z
    .union([z.number(), z.string().regex(/^-?\d+$/), z.null()])
    .optional()
    .transform((v) => (v === null || v === undefined ? undefined : Number(v))),
  result: flag,
  success: flag,
  message: z
    .unknown()
    .optional()
    .transform((v) => (v === null || v === undefined ? undefined : String(v))),
  data: z.unknown().optional(),
  requestId: z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((v) => (v === null || v === undefined ? undefined : String(v))),
});

export type EnvelopeReading =
  | { kind: 'success'; envelope: Envelope }
  | { kind: 'failure'; envelope: Envelope }
  /** The body is not JSON, or not a JSON object: a gateway page, a truncated body, etc. */
  | { kind: 'not_envelope'; reason: string };

export function readEnvelope(httpStatus: number, text: string): EnvelopeReading {
  let json: unknown;
  try {
    json = parseCjJson(text);
  } catch (err) {
    return { kind: 'not_envelope', reason: `body is not JSON (${(err as Error).message}): ${preview(text)}` };
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) return { kind: 'not_envelope', reason: `body is not a CJ envelope: ${preview(text)}` };
  const e = parsed.data;
  const envelope: Envelope = {
    code: e.code,
    result: e.result,
    success: e.success,
    message: e.message,
    data: e.data,
    requestId: e.requestId,
  };
  return { kind: isSuccess(httpStatus, envelope) ? 'success' : 'failure', envelope };
}

export function isSuccess(httpStatus: number, e: Envelope): boolean {
  const http2xx = httpStatus >= 200 && httpStatus < 300;
  const codeOk = e.code === undefined || e.code === 200 || e.code === 0;
  return http2xx && codeOk && e.result !== false && e.success !== false;
}

function preview(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > 200 ? `${t.slice(0, 200)}…` : t || '(empty)';
}
