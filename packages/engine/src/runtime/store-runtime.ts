// Assembles one store from its config: its database (migrated), its secrets, its CJ client with its
// own token and QPS budget, its alerts, its jobs and schedules, and its HTTP listener on its own
// port. Everything it builds belongs to this store only.
import { createStoreCache } from '../cache/create-cache.js';
import { dirname, join } from 'node:path';
import { CjClient, MemoryTokenStore, processRateLimiter } from '@lojista/cj';
import type { Logger } from 'pino';
import { AlertService } from '../alerts/alert-service.js';
import { alertsRoutes } from '../alerts/alerts-routes.js';
import { catalogRoutes, SCAN_JOB } from '../catalog/catalog-routes.js';
import { CatalogVersion } from '../catalog/catalog-version.js';
import { CjCatalogSupplier } from '../catalog/cj-catalog-supplier.js';
import { runScan, type ScanDeps, type ScanOptions, type ScanResult } from '../catalog/scanner.js';
import type { Clock } from '../clock.js';
import { openDatabase, targetForStore, type StoreDatabase } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { buildHttpServer } from '../http/server.js';
import { drainAndClose } from '../http/shutdown.js';
import type { StoreApp } from '../http/app-types.js';
import { enqueueJob } from '../jobs/enqueue.js';
import { DbJobRunner } from '../jobs/db-runner.js';
import { Scheduler, syncSchedules, type ScheduleDefinition } from '../jobs/scheduler.js';
import type { JobRunner } from '../jobs/types.js';
import { leadsRoutes } from '../leads/leads-routes.js';
import { registerSecretValues, storeLogger } from '../observability/logger.js';
import { StoreMetrics } from '../observability/metrics.js';
import { ConfigError } from '../stores/config-error.js';
import type { StoreContext } from '../stores/context.js';
import type { LoadedStoreConfig } from '../stores/load-config.js';
import { envVarName, type StoreSecrets } from '../stores/secrets.js';
import { cjProxyRoutes } from '../supplier/cj-proxy-routes.js';
import { PriorityLimiter } from '../supplier/cj-priority.js';
import { DbTokenStore } from '../supplier/db-token-store.js';
import { DbSlotRateLimiter } from '../supplier/db-slot-limiter.js';
import { RedisRateLimiter } from '../supplier/redis-rate-limiter.js';
import { storeInfoRoutes, systemRoutes } from '../system/system-routes.js';
import { cjWebhookRoutes } from '../webhooks/cj-webhook-routes.js';
import { orderAdminRoutes } from '../orders/admin-routes.js';
import { checkoutRoutes } from '../orders/checkout-routes.js';
import { registerOrderWebhooks } from '../orders/cj-order-webhooks.js';
import { fulfilOrder } from '../orders/fulfilment.js';
import { FULFIL_JOB } from '../orders/payment-confirmation.js';
import { RECONCILE_JOB, reconcileOrders } from '../orders/reconcile.js';
import { registerStripeInbox, stripeWebhookRoutes } from '../orders/stripe-webhook-routes.js';
import { registerInventory } from '../inventory/index.js';
import { registerDisputes } from '../disputes/index.js';
import { createPaymentProvider } from '../payments/factory.js';
import { StripePaymentProvider } from '../payments/stripe-provider.js';
import { INBOX_JOB, InboxDispatcher } from '../webhooks/inbox.js';
import { createTranslator } from '../translation/factory.js';
import { DbTranslationCache } from '../translation/db-cache.js';
import { backupRoot } from '../backups/settings.js';
import { storeBackupDir } from '../backups/folder.js';
import { registerBackups, type BackupHandle } from '../backups/register.js';
import { instrumentJobs } from '../jobs/instrument.js';
import { readStoreSnapshot } from '../observability/store-snapshot.js';
import { cjObserver } from './cj-observer.js';
import { releaseMemorySoon } from './release-memory.js';
import { adminConsole } from '../admin/admin-routes.js';
import { mcpRoutes } from '../mcp/mcp-routes.js';
import { registerCarts } from '../cart/cart-cleanup.js';
import { storePagesDir } from '../storefront/store-folder.js';
import { storefront } from '../storefront/storefront-routes.js';
import { assetRoutes } from '../web/asset-routes.js';
import { AssetRegistry } from '../web/assets.js';
import { registerCookies } from '../web/cookies.js';
import { storedWebKey } from '../web/web-keys.js';
import { announcePresence, type Presence } from './presence.js';
import type { ResolvedSupplier } from './supplier-setup.js';

export interface StoreRuntimeEnv {
  rootLog: Logger;
  clock: Clock;
  dataDir: string;
  /** PostgreSQL for every store (a schema each) instead of SQLite files. */
  databaseUrl?: string;
  /** Redis for the scale runtime (BullMQ jobs); needs databaseUrl. */
  redisUrl?: string;
  version: string;
  /** Job poll interval; tests shorten it. */
  jobPollMs?: number;
  /**
   * Bench baseline only: every job type in one lane of this many slots, as before lanes
   * (bench/webhook-lag.ts). Stores always run with their `jobs.lanes`.
   */
  sharedJobSlots?: number;
}

export interface StoreRuntime {
  ctx: StoreContext;
  /** The config file the store was loaded from ("(demo)"-style names for built-in stores). */
  configFile: string;
  app: StoreApp;
  runner: JobRunner;
  /** Listening address once started. */
  url: string | null;
  /** Routes stored webhooks to the areas that handle them. */
  dispatcher: InboxDispatcher;
  /** Runs a catalogue scan in this process (the CLI's `lojista scan`). */
  scanNow(opts: ScanOptions): Promise<ScanResult>;
  /** The store's CJ catalogue port and translator, for services that run the gates (add one product, price preview). */
  catalogDeps: ScanDeps;
  /** Takes a backup now through the store's own connection (as the scheduled job does). */
  backups: BackupHandle;
  start(): Promise<void>;
  stop(deadlineMs?: number): Promise<void>;
}

export async function openStore(
  loaded: LoadedStoreConfig,
  secrets: StoreSecrets,
  supplier: ResolvedSupplier,
  env: StoreRuntimeEnv,
): Promise<StoreRuntime> {
  const { id } = loaded;
  // The simulator serves product images over plain http on localhost; against it they must count.
  const config = supplier.simulated ? { ...loaded.config, quality: { ...loaded.config.quality, allowHttpImages: true } } : loaded.config;
  registerSecretValues(secrets.values());
  if (!secrets.has('adminToken')) {
    throw new ConfigError(loaded.file, [
      {
        path: 'adminToken (secret)',
        message: `is not set: export ${envVarName(id, 'adminToken')}=<at least 24 characters> or put "adminToken" in ${id}.secrets.json (chmod 600)`,
      },
    ]);
  }
  const log = storeLogger(env.rootLog, id);
  const metrics = new StoreMetrics(id);
  let database: StoreDatabase | undefined;
  try {
    database = await openDatabase(targetForStore(id, { dataDir: env.dataDir, ...(env.databaseUrl ? { databaseUrl: env.databaseUrl } : {}) }));
    const applied = await migrateToLatest(database);
    if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  } catch (err) {
    await database?.close();
    throw err;
  }
  const { db } = database;
  const dialect = database.target.kind;
  const backupDir = storeBackupDir(backupRoot(config.backups, env.dataDir), id);
  metrics.attachSnapshot(() => readStoreSnapshot(db, backupDir, env.clock.now()));
  metrics.scanPointsBudget.set(config.catalog.pointsBudgetPerScan);
  metrics.backupInterval.set(config.backups.enabled ? config.backups.every / 1000 : 0);

  const alerts = new AlertService({
    storeId: id,
    storeName: config.name,
    db,
    clock: env.clock,
    log: log.child({ component: 'alerts' }),
    settings: config.alerts,
    secrets: { ...(secrets.get('telegramBotToken') ? { telegramBotToken: secrets.get('telegramBotToken')! } : {}) },
    metrics,
  });
  // The account's QPS budget, shared by every process of the store: through Redis on the scale
  // runtime, through the store's database otherwise (an engine and a one-shot command beside it).
  // ioredis is loaded only by the scale runtime (a store on SQLite never needs it).
  const redis = env.redisUrl ? new (await import('ioredis')).Redis(env.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false }) : null;
  // Agent and admin-window CJ calls yield the account's QPS to fulfilment (supplier/cj-priority.ts).
  const cj = new CjClient({
    limiter: new PriorityLimiter(
      redis
        ? new RedisRateLimiter(redis, { onError: (err) => log.warn({ err }, 'could not report a CJ request to the shared rate limiter; its hold lapses in 10 s') })
        : new DbSlotRateLimiter(processRateLimiter(), db, { log }),
      env.clock,
    ),
    apiKey: supplier.apiKey,
    baseUrl: supplier.baseUrl,
    qps: config.cj.qps,
    timeoutMs: config.cj.timeoutMs,
    // The in-process simulator lives only as long as this process, so must its tokens: one kept in
    // the database would be unknown to the next run's simulator, and the 5-minute getAccessToken
    // rule would then refuse a new one (a second `lojista scan` or a quick restart failing).
    tokenStore: supplier.needsInProcessSimulator ? new MemoryTokenStore() : new DbTokenStore(db, env.clock),
    observer: cjObserver(metrics, alerts, log),
    logger: log.child({ component: 'cj' }),
  });

  const ctx: StoreContext = {
    id,
    config,
    secrets,
    db,
    dialect,
    clock: env.clock,
    log,
    metrics,
    cj,
    supplier: { simulated: supplier.simulated, baseUrl: supplier.baseUrl },
    alerts,
    cache: createStoreCache({ storeId: id, settings: config.cache, metrics, log, redis }),
    catalogVersion: new CatalogVersion(db, () => database.writes.writes),
    // The runner is built below; a poke can only happen once requests or jobs run, after that.
    pokeJobs: () => runner.poke(),
  };

  const onDead = ({ job, error }: { job: { id: string; type: string }; error: string }) => {
    metrics.jobs.inc({ type: job.type, result: 'dead' });
    alerts.notify({ kind: 'job_dead', subject: job.id, message: `job ${job.type} gave up: ${error}`, data: { type: job.type } });
  };
  const slots = env.sharedJobSlots ? { concurrency: env.sharedJobSlots } : { lanes: config.jobs.lanes };
  const runner: JobRunner = instrumentJobs(
    env.redisUrl && dialect === 'postgres'
      ? // BullMQ (and its Redis client) is loaded only by the scale runtime.
        new (await import('../jobs/bullmq-runner.js')).BullJobRunner({ db, storeId: id, connection: { url: env.redisUrl }, clock: env.clock, log: log.child({ component: 'jobs' }), onDead, ...slots })
      : new DbJobRunner({ db, dialect, clock: env.clock, log: log.child({ component: 'jobs' }), onDead, ...slots, ...(env.jobPollMs ? { pollMs: env.jobPollMs } : {}) }),
    metrics,
    () => env.clock.now(),
  );

  const translator = createTranslator(config.translation, {
    ...(secrets.get('deeplApiKey') ? { deeplApiKey: secrets.get('deeplApiKey')! } : {}),
    ...(secrets.get('openaiApiKey') ? { openaiApiKey: secrets.get('openaiApiKey')! } : {}),
  }, new DbTranslationCache(db, env.clock));
  const catalogSupplier = new CjCatalogSupplier(cj);

  runner.register(
    SCAN_JOB,
    async ({ job, signal }) => {
      const trigger = (job.payload as { trigger?: 'schedule' | 'api' | 'cli' | 'start' }).trigger ?? 'schedule';
      const result = await runScan(ctx, { supplier: catalogSupplier, translator }, { trigger, signal }).finally(releaseMemorySoon);
      if (result.status === 'failed') {
        alerts.notify({ kind: 'scan_failed', subject: result.runId, message: result.note ?? 'catalogue scan failed' });
      }
    },
    { timeoutMs: 6 * 3_600_000 },
  );

  const dispatcher = new InboxDispatcher();
  runner.register(INBOX_JOB, async ({ job, signal }) => dispatcher.process(ctx, (job.payload as { id: string }).id, signal));

  const paymentProvider = createPaymentProvider(
    config.payments,
    {
      ...(secrets.get('stripeSecretKey') ? { stripeSecretKey: secrets.get('stripeSecretKey')! } : {}),
      ...(secrets.get('stripeWebhookSecret') ? { stripeWebhookSecret: secrets.get('stripeWebhookSecret')! } : {}),
    },
    { supplierSimulated: supplier.simulated, storeId: id },
  );
  runner.register(FULFIL_JOB, async ({ job, signal }) => {
    const payload = job.payload as { orderId: string; acceptCostDrift?: boolean };
    await fulfilOrder(ctx, payload.orderId, { signal, acceptCostDrift: payload.acceptCostDrift === true });
  });
  runner.register(RECONCILE_JOB, async ({ signal }) => {
    await reconcileOrders(ctx, signal);
  });
  registerOrderWebhooks(dispatcher);
  registerStripeInbox(dispatcher);
  const inventory = registerInventory({ ctx, runner, dispatcher });
  const disputes = registerDisputes({ ctx, runner });
  const backups = registerBackups({ ctx, runner, database, dataDir: env.dataDir, engineVersion: env.version });
  const carts = registerCarts({ ctx, runner });

  const schedules: ScheduleDefinition[] = [
    { name: 'catalogScan', intervalMs: config.schedules.catalogScan, jobType: SCAN_JOB, payload: { trigger: 'schedule' } },
    { name: 'orderReconcile', intervalMs: config.schedules.orderReconcile, jobType: RECONCILE_JOB },
    ...inventory.schedules,
    ...disputes.schedules,
    ...backups.schedules,
    ...carts.schedules,
  ];
  const scheduler = new Scheduler(db, env.clock, log.child({ component: 'scheduler' }), schedules, () => runner.poke());

  let accepting = false;
  let draining = false;
  // Whether the runner takes jobs: /ready turns 503 from the moment anything stops it.
  let jobsRunning = false;
  const runnerStop = runner.stop.bind(runner);
  runner.stop = (deadlineMs) => {
    jobsRunning = false;
    return runnerStop(deadlineMs);
  };
  // One set of assets per store, served at /assets/ for both HTML faces.
  const assets = new AssetRegistry();
  const shop = storefront(ctx, assets, {
    paymentProvider,
    pagesDir: storePagesDir(loaded),
    files: { configDir: loaded.file.startsWith('(') ? null : dirname(loaded.file), configFile: loaded.file },
    dataDir: join(env.dataDir, id),
  });
  const refunder = paymentProvider instanceof StripePaymentProvider ? paymentProvider : null;
  const adminFace = adminConsole(ctx, assets, { refunder, configFile: loaded.file, catalogDeps: { supplier: catalogSupplier, translator } });
  const cookieSecret = await storedWebKey(db, env.clock, 'cookies');
  let presence: Presence | null = null;
  const app = await buildHttpServer(
    {
      storeId: id,
      config,
      log,
      metrics,
      simulatedSupplier: supplier.simulated,
      version: env.version,
      adminToken: secrets.get('adminToken'),
      isDraining: () => draining,
    },
    {
      root: [
        (root) => registerCookies(root, cookieSecret),
        systemRoutes(ctx, {
          version: env.version,
          startedAt: Date.now(),
          isAccepting: () => accepting,
          jobsRunning: () => jobsRunning,
          ...(redis ? { pingRedis: () => redis.ping() } : {}),
        }),
        assetRoutes(assets),
        ...shop.root,
        adminFace.module,
        mcpRoutes(ctx, { catalog: { supplier: catalogSupplier, translator }, configFile: loaded.file, version: env.version }),
      ],
      notFound: shop.notFound,
      api: [
        storeInfoRoutes(ctx),
        catalogRoutes(ctx),
        cjProxyRoutes(ctx),
        leadsRoutes(ctx),
        cjWebhookRoutes(ctx),
        checkoutRoutes(ctx, paymentProvider, shop.returnPaths),
        orderAdminRoutes(ctx, refunder),
        disputes.routes,
        ...(paymentProvider instanceof StripePaymentProvider ? [stripeWebhookRoutes(ctx, paymentProvider)] : []),
        alertsRoutes({ db, adminToken: secrets.get('adminToken') }),
      ],
    },
  );

  const runtime: StoreRuntime = {
    ctx,
    configFile: loaded.file,
    app,
    runner,
    dispatcher,
    url: null,
    scanNow: (opts) => runScan(ctx, { supplier: catalogSupplier, translator }, opts),
    catalogDeps: { supplier: catalogSupplier, translator },
    backups,
    async start() {
      await syncSchedules(db, env.clock, schedules);
      if (config.schedules.scanOnFirstStart) {
        const scanned = await db.selectFrom('scan_runs').select('id').limit(1).executeTakeFirst();
        if (!scanned) await enqueueJob(db, env.clock, { type: SCAN_JOB, payload: { trigger: 'start' }, dedupeKey: 'catalog.scan:first', maxAttempts: 1 });
      }
      presence = await announcePresence(db, env.clock, log);
      const address = await app.listen({ port: config.http.port, host: config.http.host });
      runtime.url = address;
      accepting = true;
      runner.start();
      jobsRunning = true;
      scheduler.start();
      if (supplier.simulated) {
        log.warn({ supplier: supplier.baseUrl }, 'SIMULATED SUPPLIER: this store talks to the CJ simulator, not to CJ — nothing is really bought or shipped');
      }
      log.info({ url: address, supplier: supplier.simulated ? 'simulated' : 'cj' }, 'store listening');
    },
    async stop(deadlineMs = 10_000) {
      await drainAndClose(app, {
        deadlineMs,
        drainDelayMs: config.http.drainDelay,
        listening: runtime.url !== null,
        log,
        // /ready answers 503 from here on; responses ask clients to close their connections.
        beginDrain: () => {
          accepting = false;
          draining = true;
        },
        stopJobs: async (ms) => {
          await scheduler.stop();
          await runner.stop(ms);
        },
      });
      await alerts.flush();
      await presence?.release();
      await database.close();
      redis?.disconnect();
      log.info('store stopped');
    },
  };
  return runtime;
}
