import {
  CjAuthError,
  CjBusinessError,
  CjDuplicateOrderError,
  type CjError,
  type CjErrorInit,
  CjInsufficientBalanceError,
  CjInvalidLogisticError,
  CjNotFoundError,
  CjRateLimitedError,
  CjServerError,
  CjValidationError,
} from './errors.js';

/** Codes meaning "this token is no longer good" — the only ones that trigger re-authentication (cj-api.md §9.5). */
export const REAUTH_CODES: ReadonlySet<number> = new Set([1600001, 1600002, 1600003, 1600030]);

/** Credential problems that a new token cannot fix (wrong key, unknown developer/user, bad platform token). */
const CREDENTIAL_CODES = new Set([1600004, 1600005, 1600006, 1600007, 1600008, 1600031, 1601000]);

/** CJ-side failures: outcome unknown for writes, retryable for reads. */
export const SERVER_FAILURE_CODES: ReadonlySet<number> = new Set([1600000, 1600301]);

/**
 * Request shape/parameter errors. 1600100 is "Interface is offline" in the code table but nearly
 * every docs example uses it for "Param error" (cj-api.md §4.2), so it is a validation error here —
 * and never an auth error. 1600101 "Interface not found" is a wrong path: also the request's fault.
 */
const VALIDATION_CODES = new Set([1600100, 1600101, 1600300, 1605002, 16900202, 16900203, 16900204, 16900205, 16900403]);

const NOT_FOUND_CODES = new Set([1602000, 1602001, 1602002, 1602003, 1603100, 1608001]);

/**
 * Maps an unsuccessful CJ envelope to its typed error. `code` may be absent (e.g. a
 * `{success:false}` body), in which case the HTTP status decides.
 */
export function errorForCode(init: CjErrorInit): CjError {
  const { code, httpStatus } = init;
  // The code decides the kind before the status does: a used-up daily quota also comes as HTTP 429
  // ("Too Many Requests", cj-api.md §5) and must not be mistaken for a retryable QPS refusal.
  if (code === 1600201) return new CjRateLimitedError({ ...init, kind: 'quota' });
  if (code === 16900500) return new CjRateLimitedError({ ...init, kind: 'points' });
  if (httpStatus === 429 || code === 1600200) return new CjRateLimitedError({ ...init, kind: 'qps' });
  if (code !== undefined) {
    if (REAUTH_CODES.has(code)) return new CjAuthError({ ...init, reauthenticate: true });
    if (CREDENTIAL_CODES.has(code)) return new CjAuthError(init);
    if (SERVER_FAILURE_CODES.has(code)) return new CjServerError(init);
    if (VALIDATION_CODES.has(code) || (code >= 16900200 && code < 16900300)) return new CjValidationError(init);
    if (code === 1603003) return new CjDuplicateOrderError(init);
    if (code === 1604000) return new CjInsufficientBalanceError(init);
    if (code === 1605000 || code === 1605001) return new CjInvalidLogisticError(init);
    if (NOT_FOUND_CODES.has(code)) return new CjNotFoundError(init);
  }
  if (httpStatus !== undefined && httpStatus >= 500) return new CjServerError(init);
  return new CjBusinessError(init);
}
