// @lojista/cj — typed client for the CJ Dropshipping Open API 2.0 (see README.md).

export { CjClient, DEFAULT_BASE_URL, type CjClientOptions } from './client.js';
export { type Clock, systemClock } from './clock.js';
export { parseCjJson } from './json.js';
export { toDecimalString, toPriceRange, toNumberRange, type PriceRange, type NumberRange } from './decimal.js';
export type { CallOptions, HttpMethod, EndpointDef } from './endpoint.js';
export type { CjCallEvent, CjBreakerEvent, CjEvent, CjCallOutcome, CjObserver, CjLogger } from './observer.js';
export type { RetrySettings } from './resilience/backoff.js';
export type { BreakerSettings, BreakerState } from './resilience/breaker.js';

// Errors
export {
  CjError,
  CjAuthError,
  CjAuthCooldownError,
  CjRateLimitedError,
  CjValidationError,
  CjBusinessError,
  CjDuplicateOrderError,
  CjInsufficientBalanceError,
  CjInvalidLogisticError,
  CjNotFoundError,
  CjTransportError,
  CjServerError,
  CjUnknownOutcomeError,
  CjCircuitOpenError,
  CjResponseSchemaError,
  CjWebhookError,
  type CjErrorInit,
  type RateLimitKind,
  type TransportPhase,
  type UnknownOutcomeReason,
} from './errors.js';

// Tokens
export type { TokenStore, CjTokenRecord } from './auth/token-store.js';
export { tokenRecordSchema } from './auth/token-store.js';
export { MemoryTokenStore } from './auth/memory-token-store.js';
export { FileTokenStore } from './auth/file-token-store.js';
export type { CjTokenInfo } from './endpoints/auth.js';

// Rate limiting
export type { RateLimiter } from './limiter/rate-limiter.js';
export { InProcessRateLimiter, type InProcessRateLimiterOptions } from './limiter/in-process.js';
export { defaultAccountId } from './account.js';
export { processRateLimiter } from './limiter/shared.js';

// Endpoint areas: request types and endpoint tables (path, method, idempotency)
export { productEndpoints, type ListV2Params, type ListV1Params, type ListV2Feature, type ProductRef, type ProductQueryOptions, type CommentsParams, type MyProductsParams } from './endpoints/product.js';
export { stockEndpoints } from './endpoints/stock.js';
export { sourcingEndpoints, type SourcingCreateBody } from './endpoints/sourcing.js';
export { warehouseEndpoints } from './endpoints/warehouse.js';
export { settingEndpoints } from './endpoints/setting.js';
export {
  orderEndpoints,
  type CreateOrderV2Body,
  type CreateOrderV3Body,
  type CreateOrderOptions,
  type OrderProductInput,
  type OrderListParams,
  type OrderDetailFeature,
} from './endpoints/orders.js';
export { payEndpoints, type CjBalance } from './endpoints/pay.js';
export { logisticEndpoints, type FreightCalculateBody, type FreightTipRequest } from './endpoints/logistic.js';
export {
  disputeEndpoints,
  type DisputeCreateBody,
  type DisputeConfirmInfoBody,
  type DisputeLineInput,
  type DisputeListParams,
} from './endpoints/disputes.js';
export { webhookEndpoints, type WebhookSetBody, type WebhookTopic } from './endpoints/webhook.js';
export { getAccessTokenEndpoint, refreshAccessTokenEndpoint, logoutEndpoint } from './auth/endpoints.js';

// Normalised response shapes
export type { Page } from './schemas/primitives.js';
export type {
  ProductSummary,
  ProductDetail,
  ProductVariant,
  ProductSearchPage,
  VariantInventory,
  StockEntry,
  CategoryRoot,
  CategoryGroup,
  Category,
  ProductComment,
  GlobalWarehouse,
  MyProduct,
} from './schemas/product.js';
export type { StockArea, ProductInventory } from './schemas/stock.js';
export type { CjSettings, SourcingCreated, SourcingRecord, WarehouseDetail } from './schemas/misc.js';
export type {
  CreateOrderResult,
  CjOrder,
  OrderProduct,
  OrderStatus,
  AddCartResult,
  AddCartConfirmResult,
  ParentOrderResult,
} from './schemas/orders.js';
export type { FreightOption, FreightTipOption, TrackInfo } from './schemas/logistic.js';
export type { DisputeProducts, DisputeProduct, DisputeConfirmInfo, Dispute } from './schemas/disputes.js';

// Webhooks
export { parseWebhook } from './webhooks/parse.js';
export { verifyWebhookSignature, computeWebhookSignature } from './webhooks/verify.js';
export {
  TrackingStatus,
  TRACKING_STATUS_DESCRIPTIONS,
  trackingStatusName,
  type TrackingStatusName,
  type TrackingStatusCode,
} from './webhooks/tracking-status.js';
export type {
  CjWebhookMessage,
  CjWebhookType,
  WebhookBase,
  ProductChange,
  VariantChange,
  WebhookStockArea,
  OrderChange,
  OrderSplitChange,
  SourcingCreateChange,
  LogisticChange,
  TrackEvent,
} from './webhooks/types.js';
