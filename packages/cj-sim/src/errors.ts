// CJ business errors. A handler throws CjError; the server turns it into the envelope CJ sends.
// Codes and reference messages come from cj-api.md §4 (the ps-code table).

export class CjError extends Error {
  constructor(
    readonly code: number,
    message: string,
    /** HTTP status. CJ answers envelope errors with 200; only throttling uses 429. */
    readonly httpStatus = 200,
  ) {
    super(message);
    this.name = 'CjError';
  }
}

/** 1600300 "Param error" with a message that names the parameter, as CJ's own messages do. */
export function paramError(message: string): CjError {
  return new CjError(1600300, message);
}

export const Codes = {
  systemBusy: 1600000,
  invalidToken: 1600001,
  tokenEmpty: 1600002,
  invalidRefreshToken: 1600003,
  apiKeyWrong: 1600005,
  interfaceNotFound: 1600101,
  tooManyRequests: 1600200,
  quotaUsedUp: 1600201,
  paramError: 1600300,
  variantNotFound: 1602000,
  productNotFound: 1602001,
  productRemoved: 1602002,
  variantRemoved: 1602003,
  orderCreateFail: 1603000,
  orderConfirmFail: 1603001,
  orderDeleteFail: 1603002,
  orderExists: 1603003,
  orderNotFound: 1603100,
  orderPayFail: 1603101,
  balanceInsufficient: 1604000,
  logisticInvalid: 1605001,
  countryNotFound: 1605002,
  webhookRequirements: 1606001,
  webhookLocalhost: 1607001,
  webhookNotHttps: 1607002,
  webhookNot200: 1607003,
  disputeProductsFail: 1607006,
  disputeConfirmFail: 1607007,
  disputeCreateFail: 1607008,
  disputeCancelFail: 1607009,
  warehouseNotFound: 1608001,
  methodNotSupported: 16900202,
  contentTypeNotSupported: 16900203,
  bodyMissing: 16900204,
  badJson: 16900205,
} as const;
