// Opens one store for a CLI command (no listener), with the in-process simulator when the store
// has no CJ API key and the command needs CJ.
import { attachSimulator, prepareStores } from '../runtime/engine.js';
import { openStore, type StoreRuntime } from '../runtime/store-runtime.js';
import { systemClock } from '../clock.js';
import type { CliEnv } from './env.js';

export async function withStore<T>(
  env: CliEnv,
  storeId: string,
  opts: { needsCj: boolean },
  fn: (store: StoreRuntime) => Promise<T>,
): Promise<T> {
  const { prepared } = await prepareStores({ configDir: env.configDir, dataDir: env.dataDir, only: storeId });
  const simulator = opts.needsCj ? await attachSimulator(prepared, { log: env.log }) : null;
  const p = prepared[0]!;
  const store = await openStore(p.loaded, p.secrets, p.supplier, {
    rootLog: env.log,
    clock: systemClock,
    dataDir: env.dataDir,
    version: env.version,
    ...(env.databaseUrl ? { databaseUrl: env.databaseUrl } : {}),
    // The account's CJ budget is shared with a running engine: through the store's database, or
    // through Redis on the scale runtime (see supplier/db-slot-limiter.ts, redis-rate-limiter.ts).
    ...(opts.needsCj && env.redisUrl ? { redisUrl: env.redisUrl } : {}),
  });
  try {
    return await fn(store);
  } finally {
    await store.stop(5_000);
    await simulator?.close();
  }
}
