// `lojista serve`: every store of the config folder (or one), each on its own port — or, on a fresh
// clone with no store configs, the built-in demo store against the in-process CJ simulator.
import { existsSync, readdirSync } from 'node:fs';
import { startEngine, type Engine } from '../../runtime/engine.js';
import type { CliEnv } from '../env.js';
import { printDemoBanner, followFirstScan } from './demo-banner.js';

export function hasStoreConfigs(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((n) => /\.(ya?ml|json)$/.test(n) && !n.includes('.secrets.') && !n.startsWith('example.'));
}

export async function serve(env: CliEnv, opts: { store?: string; demo?: boolean; port?: number }): Promise<Engine> {
  const demo = opts.demo === true || (!opts.store && !hasStoreConfigs(env.configDir));
  if (demo && !opts.demo) {
    console.log(`No store configs in ${env.configDir}: starting the built-in demo store. Create your own with "lojista init".`);
  }
  const engine = await startEngine({
    configDir: env.configDir,
    dataDir: env.dataDir,
    ...(opts.store ? { only: opts.store } : {}),
    demo,
    ...(opts.port ? { demoPort: opts.port } : {}),
    ...(env.databaseUrl ? { databaseUrl: env.databaseUrl } : {}),
    ...(env.redisUrl ? { redisUrl: env.redisUrl } : {}),
    ...(env.portOffset ? { portOffset: env.portOffset } : {}),
    ...(env.operator ? { operator: env.operator } : {}),
    log: env.log,
    version: env.version,
  });
  installShutdown(engine, env);
  if (demo) {
    printDemoBanner(engine, env);
    void followFirstScan(engine);
  } else {
    for (const s of engine.stores) {
      console.log(`store ${s.ctx.id} (${s.ctx.config.name}) listening on ${s.url}${s.ctx.supplier.simulated ? '  [SIMULATED SUPPLIER]' : ''}`);
    }
  }
  return engine;
}

/** SIGTERM/SIGINT: stop accepting, finish in-flight requests and jobs within the deadline, exit 0. */
function installShutdown(engine: Engine, env: CliEnv): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    env.log.info({ signal }, 'shutting down');
    const deadline = Number(process.env.LOJISTA_SHUTDOWN_DEADLINE_MS ?? 10_000);
    engine.stop(deadline).then(
      () => {
        env.log.flush();
        process.exit(0);
      },
      (err: unknown) => {
        env.log.error({ err }, 'shutdown failed');
        env.log.flush();
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
