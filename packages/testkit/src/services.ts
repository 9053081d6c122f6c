// Gates for tests that need a real PostgreSQL or Redis.
//
// Where a service is absent the suite is skipped with a loud line, unless LOJISTA_REQUIRE_SERVICES=1
// (set by .ci/run), which turns the skip into a failure: CI must never pass by skipping.
import pg from 'pg';
import { Redis } from 'ioredis';

export const REQUIRE_SERVICES = process.env.LOJISTA_REQUIRE_SERVICES === '1';

export const POSTGRES_URL = process.env.LOJISTA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.LOJISTA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface ServiceGate {
  /** true when the service answered; tests use `describe.skipIf(!gate.available)`. */
  available: boolean;
  url: string;
}

const cache = new Map<string, Promise<ServiceGate>>();

async function probePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probeRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

async function gate(name: string, url: string, probe: (url: string) => Promise<void>): Promise<ServiceGate> {
  try {
    await probe(url);
    return { available: true, url };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (REQUIRE_SERVICES) {
      throw new Error(`${name} at ${url} is required (LOJISTA_REQUIRE_SERVICES=1) but unreachable: ${why}`, { cause: err });
    }
    console.warn(`\n!!! SKIPPING ${name} tests: ${url} unreachable (${why}). Set LOJISTA_REQUIRE_SERVICES=1 to fail instead.\n`);
    return { available: false, url };
  }
}

/** Resolves once per test file; throws when the service is missing and required. */
export function postgresGate(): Promise<ServiceGate> {
  if (!cache.has('pg')) cache.set('pg', gate('PostgreSQL', POSTGRES_URL, probePostgres));
  return cache.get('pg')!;
}

export function redisGate(): Promise<ServiceGate> {
  if (!cache.has('redis')) cache.set('redis', gate('Redis', REDIS_URL, probeRedis));
  return cache.get('redis')!;
}
