import { describe, expect, it } from 'vitest';
import { errorForCode } from '../src/error-codes.js';
import {
  CjAuthError,
  CjBusinessError,
  CjDuplicateOrderError,
  type CjError,
  CjInsufficientBalanceError,
  CjInvalidLogisticError,
  CjNotFoundError,
  CjRateLimitedError,
  CjServerError,
  CjValidationError,
} from '../src/index.js';

type Ctor = new (...args: never[]) => CjError;

describe('errorForCode', () => {
  const table: [number | undefined, number, Ctor, Record<string, unknown>?][] = [
    [1600200, 429, CjRateLimitedError, { kind: 'qps' }],
    [undefined, 429, CjRateLimitedError, { kind: 'qps' }],
    [1600200, 200, CjRateLimitedError, { kind: 'qps' }],
    [1600201, 200, CjRateLimitedError, { kind: 'quota' }],
    [16900500, 200, CjRateLimitedError, { kind: 'points' }],
    [1600001, 200, CjAuthError, { reauthenticate: true }],
    [1600002, 200, CjAuthError, { reauthenticate: true }],
    [1600003, 200, CjAuthError, { reauthenticate: true }],
    [1600030, 200, CjAuthError, { reauthenticate: true }],
    [1600005, 200, CjAuthError, { reauthenticate: false }],
    [1601000, 200, CjAuthError, { reauthenticate: false }],
    [1600000, 200, CjServerError],
    [1600301, 200, CjServerError],
    [1600100, 200, CjValidationError],
    [1600101, 200, CjValidationError],
    [1600300, 200, CjValidationError],
    [16900202, 200, CjValidationError],
    [16900205, 200, CjValidationError],
    [16900403, 200, CjValidationError],
    [1603003, 200, CjDuplicateOrderError],
    [1604000, 200, CjInsufficientBalanceError],
    [1605000, 200, CjInvalidLogisticError],
    [1605001, 200, CjInvalidLogisticError],
    [1602000, 200, CjNotFoundError],
    [1602001, 200, CjNotFoundError],
    [1602002, 200, CjNotFoundError],
    [1602003, 200, CjNotFoundError],
    [1603100, 200, CjNotFoundError],
    [1608001, 200, CjNotFoundError],
    [1603001, 200, CjBusinessError],
    [1607002, 200, CjBusinessError],
    [undefined, 200, CjBusinessError],
    [undefined, 503, CjServerError],
  ];
  it.each(table)('code %s / HTTP %s → %o', (code, httpStatus, ctor, props) => {
    const err = errorForCode({ message: 'm', endpoint: '/x', code, httpStatus, requestId: 'r' });
    expect(err.constructor).toBe(ctor);
    expect(err).toMatchObject({ code, httpStatus, endpoint: '/x', requestId: 'r', ...props });
  });

  it('1600100 is never an auth error (cj-api.md §9.5)', () => {
    expect(errorForCode({ message: 'Param error', endpoint: '/x', code: 1600100 })).not.toBeInstanceOf(CjAuthError);
  });

  it('business subclasses are CjBusinessError', () => {
    for (const code of [1603003, 1604000, 1605001, 1602001]) expect(errorForCode({ message: 'm', endpoint: '/x', code })).toBeInstanceOf(CjBusinessError);
  });
});
