// How a CJ failure looks to an operator calling the CJ proxy routes.
import {
  CjAuthCooldownError,
  CjAuthError,
  CjCircuitOpenError,
  CjError,
  CjNotFoundError,
  CjRateLimitedError,
  CjValidationError,
} from '@lojista/cj';
import { HttpError } from '../http/errors.js';

export function cjErrorToHttp(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof CjNotFoundError) return new HttpError(404, 'cj_not_found', `CJ: ${err.message}`);
  if (err instanceof CjValidationError) return new HttpError(400, 'cj_rejected_input', `CJ rejected the request: ${err.message}`);
  if (err instanceof CjRateLimitedError) return new HttpError(503, 'cj_rate_limited', 'CJ is rate-limiting this account; retry shortly');
  if (err instanceof CjCircuitOpenError) return new HttpError(503, 'cj_unavailable', 'CJ is failing; calls are paused for a moment (circuit open)');
  if (err instanceof CjAuthCooldownError) return new HttpError(503, 'cj_auth_cooldown', `CJ allows one new token per 5 minutes: ${err.message}`);
  if (err instanceof CjAuthError) return new HttpError(502, 'cj_auth_failed', `CJ authentication failed: ${err.message} (check the store's CJ API key)`);
  if (err instanceof CjError) return new HttpError(502, 'cj_error', `CJ error${err.code !== undefined ? ` ${err.code}` : ''}: ${err.message}`);
  return new HttpError(502, 'cj_unreachable', `CJ could not be reached: ${(err as Error).message}`);
}
