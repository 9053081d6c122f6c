// One error type for misuse of money values. These are programming or boundary-validation errors
// (the caller should have validated the input), so they are thrown rather than returned.

export type MoneyErrorCode =
  | 'invalid_amount'
  | 'unsafe_integer'
  | 'currency_mismatch'
  | 'unsupported_currency'
  | 'too_many_decimals';

export class MoneyError extends Error {
  override readonly name = 'MoneyError';
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
  }
}
