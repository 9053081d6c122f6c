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
  const deadline = shutdownDeadlineMs(); // a bad value is refused now, not at the first SIGTERM
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
  installShutdown(engine, env, deadline);
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

/** LOJISTA_SHUTDOWN_DEADLINE_MS: the time a stop may take, from the signal to the exit (default 10 s). */
export function shutdownDeadlineMs(): number {
  const raw = process.env.LOJISTA_SHUTDOWN_DEADLINE_MS;
  const value = raw === undefined || raw === '' ? 10_000 : Number(raw);
  if (!Number.isInteger(value) || value < 1_000) {
    throw new Error(`LOJISTA_SHUTDOWN_DEADLINE_MS must be a whole number of milliseconds, at least 1000 (got "${raw}")`);
  }
  return value;
}

/** SIGTERM/SIGINT: /ready 503 and a drain delay, then stop accepting, finish in-flight requests and jobs within the deadline, exit 0. */
function installShutdown(engine: Engine, env: CliEnv, deadline: number): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    env.log.info({ signal }, 'shutting down');
    // The stop plan fits the deadline; should something still hang, the process goes anyway (its
    // running jobs are leased and run again on the next start).
    setTimeout(() => {
      env.log.error({ deadlineMs: deadline }, 'shutdown did not finish within the deadline: exiting anyway');
      env.log.flush();
      process.exit(1);
    }, deadline + 1_000).unref();
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
