// Inventory and price sync (issue 4 §5): CJ webhooks in near real time, a 2 h batch check as the
// safety net, one set of rules for both. See README.md.
export {
  applyProductFacts,
  DELISTED_AFTER,
  HISTORY_REASON,
  isSyncHiddenReason,
  SYNC_HIDDEN_REASONS,
  type ApplyOutcome,
  type InventoryEffect,
  type SyncHiddenReason,
} from './apply.js';
export type { ProductFacts, VariantFacts } from './facts.js';
export { keepsMarginFloor } from './margin.js';
export { INVENTORY_POINTS, refreshProduct, type RefreshOptions, type RefreshOutcome } from './refresh.js';
export {
  DEFAULT_POINTS_PER_PRODUCT,
  INVENTORY_LOCK,
  syncInventory,
  type InventorySyncCounts,
  type InventorySyncOptions,
  type InventorySyncSummary,
} from './sync.js';
export { handleProductMessage, handleStockMessage, handleVariantMessage } from './webhooks.js';
export { INVENTORY_SCHEDULE, INVENTORY_SYNC_JOB, registerInventory, type InventoryWiring } from './register.js';
