// Where the CLI finds things: flags first, then environment variables, then defaults.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRootLogger, type Logger } from '../observability/logger.js';
import { CliError, EXIT } from './exit-codes.js';

export interface GlobalOptions {
  configDir?: string;
  dataDir?: string;
  logLevel?: string;
}

export interface CliEnv {
  configDir: string;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  portOffset?: number;
  operator?: { port: number; token: string };
  log: Logger;
  version: string;
}

export function engineVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

/**
 * `logTo`: a long-running `serve` logs to stdout; every other command logs to stderr, so what it
 * prints on stdout (JSON for status, migrate, cj, scan) stays parseable by scripts.
 */
export function cliEnv(opts: GlobalOptions, defaultLevel = 'info', logTo: 'stdout' | 'stderr' = 'stderr'): CliEnv {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  const portOffset = Number(process.env.LOJISTA_PORT_OFFSET ?? 0);
  const operatorPort = Number(process.env.LOJISTA_OPERATOR_PORT ?? 0);
  const operatorToken = process.env.LOJISTA_OPERATOR_TOKEN;
  if (!Number.isInteger(portOffset) || portOffset < 0) throw new CliError('LOJISTA_PORT_OFFSET must be a whole number ≥ 0', EXIT.usage);
  if (operatorPort && (!operatorToken || operatorToken.length < 24)) {
    throw new CliError('LOJISTA_OPERATOR_PORT is set but LOJISTA_OPERATOR_TOKEN is missing or shorter than 24 characters', EXIT.usage);
  }
  return {
    ...(portOffset ? { portOffset } : {}),
    ...(operatorPort && operatorToken ? { operator: { port: operatorPort, token: operatorToken } } : {}),
    configDir: resolve(opts.configDir ?? process.env.LOJISTA_CONFIG_DIR ?? 'stores'),
    dataDir: resolve(opts.dataDir ?? process.env.LOJISTA_DATA_DIR ?? 'data'),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    log: createRootLogger({
      level: opts.logLevel ?? process.env.LOJISTA_LOG_LEVEL ?? defaultLevel,
      ...(logTo === 'stderr' ? { destination: process.stderr } : {}),
    }),
    version: engineVersion(),
  };
}
