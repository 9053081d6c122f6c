#!/usr/bin/env node
// cj-sim: run the CJ simulator standalone.
//   cj-sim --port 8787 --qps 1 --seed 42
import { Command, InvalidArgumentError, Option } from 'commander';
import type { SimulatorOptions } from './index.js';

function int(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${name} must be a whole number.`);
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`${name} must be between ${min} and ${max}.`);
    return n;
  };
}

function account(value: string, previous: NonNullable<SimulatorOptions['accounts']> = []) {
  const [apiKey, openId, balance] = value.split(':');
  if (!apiKey) throw new InvalidArgumentError('--account needs apiKey[:openId[:balance]].');
  return [...previous, { apiKey, ...(openId ? { openId } : {}), ...(balance ? { balance } : {}) }];
}

function startTime(value: string): number {
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new InvalidArgumentError('--start-time must be an ISO date or epoch milliseconds.');
  return ms;
}

const program = new Command()
  .name('cj-sim')
  .description('A faithful local simulator of the CJ Dropshipping Open API 2.0 (what stripe-mock is to Stripe).')
  .option('--port <n>', 'port to listen on (0 = any free port)', int('--port', 0, 65535), 8787)
  .option('--host <host>', 'interface to bind', '127.0.0.1')
  .option('--qps <n>', 'default per-account QPS limit (CJ levels: 1, 2, 4, 6)', int('--qps', 1, 1000), 1)
  .option('--seed <n>', 'seed: same seed, same catalogue, ids and prices', int('--seed', 0, 2 ** 31 - 1), 42)
  .addOption(new Option('--clock <mode>', 'realtime, or manual (time moves only through the control API)').choices(['realtime', 'manual']).default('realtime'))
  .option('--start-time <time>', 'simulated start time (ISO date or epoch ms); default: now (realtime) or 2026-11-01T00:00:00Z (manual)', startTime)
  .option('--allow-local-webhooks', 'accept http:// and 127.0.0.1/localhost callback URLs at webhook/set')
  .option('--no-sign', 'do not send the `sign` header with webhooks')
  .option('--token-cooldown <sec>', 'getAccessToken cooldown per account in seconds (0 disables)', int('--token-cooldown', 0), 300)
  .addOption(new Option('--token-mode <mode>', 'cooldown, or cached24h (repeated getAccessToken within 24 h returns the same tokens)').choices(['cooldown', 'cached24h']).default('cooldown'))
  .option('--refresh-per-minute <n>', 'refreshAccessToken calls per account per minute', int('--refresh-per-minute', 1), 5)
  .option('--daily-quota <n>', 'calls per account per endpoint per simulated day (default: no quota)', int('--daily-quota', 1))
  .option('--catalogue-size <n>', 'number of products', int('--catalogue-size', 1, 99_999), 2400)
  .option('--legacy-auth', 'also accept {email,password} and {email,apiKey} at getAccessToken')
  .option('--account <apiKey[:openId[:balance]]>', 'create an account at start (repeatable)', account)
  .option('--public-url <url>', 'base of absolute URLs (images, cjPayUrl) instead of the Host header')
  .option('--webhook-timeout <ms>', 'webhook delivery timeout', int('--webhook-timeout', 1, 60_000), 3000)
  .option('--log', 'log every request (Fastify logger)')
  .showHelpAfterError('(run cj-sim --help for the options)')
  .exitOverride((err) => {
    // --help and --version exit 0; every usage error exits 2.
    process.exit(err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0 ? 0 : 2);
  });

program.parse();
const o = program.opts<{
  port: number;
  host: string;
  qps: number;
  seed: number;
  clock: 'realtime' | 'manual';
  startTime?: number;
  allowLocalWebhooks?: boolean;
  sign: boolean;
  tokenCooldown: number;
  tokenMode: 'cooldown' | 'cached24h';
  refreshPerMinute: number;
  dailyQuota?: number;
  catalogueSize: number;
  legacyAuth?: boolean;
  account?: NonNullable<SimulatorOptions['accounts']>;
  publicUrl?: string;
  webhookTimeout: number;
  log?: boolean;
}>();

try {
  // Loaded after parsing, so --help and usage errors answer without starting the server stack.
  const { startSimulator } = await import('./index.js');
  const sim = await startSimulator({
    port: o.port,
    host: o.host,
    qps: o.qps,
    seed: o.seed,
    clock: o.clock,
    startTime: o.startTime,
    allowLocalWebhooks: o.allowLocalWebhooks ?? false,
    signWebhooks: o.sign,
    tokenCooldownSec: o.tokenCooldown,
    tokenMode: o.tokenMode,
    refreshPerMinute: o.refreshPerMinute,
    dailyQuota: o.dailyQuota ?? null,
    catalogueSize: o.catalogueSize,
    legacyAuth: o.legacyAuth ?? false,
    accounts: o.account ?? [],
    publicUrl: o.publicUrl,
    webhookTimeoutMs: o.webhookTimeout,
    logger: o.log ?? false,
  });
  // Handlers first: whoever reads the banner below may signal at once.
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`cj-sim: ${signal}, shutting down`);
    sim.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('cj-sim: shutdown failed:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const lines = [
    `cj-sim listening — CJ API base URL: ${sim.baseUrl}`,
    `  demo API key : ${sim.demoApiKey}`,
    `  control API  : ${sim.url}/_sim   (clock: ${o.clock}, seed: ${o.seed}, qps: ${o.qps})`,
    '',
    'Try:',
    `  curl -s -X POST ${sim.baseUrl}/authentication/getAccessToken -H 'Content-Type: application/json' -d '{"apiKey":"${sim.demoApiKey}"}'`,
    `  curl -s '${sim.baseUrl}/product/listV2?keyWord=amethyst&size=5' -H 'CJ-Access-Token: <accessToken>'`,
    `  curl -s -X POST ${sim.url}/_sim/clock/advance -H 'Content-Type: application/json' -d '{"days":3}'`,
  ];
  console.log(lines.join('\n'));
} catch (err) {
  console.error(`cj-sim: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
