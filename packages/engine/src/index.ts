// The engine's public entry: run stores in-process (tests, embedding) the way `lojista serve` does.
export { startEngine, prepareStores, attachSimulator, type Engine, type EngineOptions } from './runtime/engine.js';
export { openStore, type StoreRuntime, type StoreRuntimeEnv } from './runtime/store-runtime.js';
export { storeConfigSchema, type StoreConfig, type StoreConfigInput } from './stores/store-config.js';
export { loadStoreConfigs, loadStoreConfigFile, parseStoreConfig } from './stores/load-config.js';
export { ConfigError } from './stores/config-error.js';
export type { StoreContext } from './stores/context.js';
export { createRootLogger } from './observability/logger.js';
export { systemClock, ManualClock, type Clock } from './clock.js';
