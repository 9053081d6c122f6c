import { randomUUID } from 'node:crypto';
import { CjClient, type CjClientOptions, type CjEvent, MemoryTokenStore, type RateLimiter, type TokenStore } from '../../src/index.js';
import { FakeClock } from './clock.js';
import type { FakeCj } from './fake-cj.js';

/** Lets every request through at once: for tests where spacing is not the point. */
export const noLimiter: RateLimiter = { acquire: async (_k, _q, signal) => signal?.throwIfAborted() };

export interface TestClient {
  cj: CjClient;
  store: TokenStore;
  events: CjEvent[];
  accountId: string;
}

/**
 * A client on the fake server, on virtual time (FakeClock: back-off sleeps return at once) with a unique account and, unless `seedToken: false`, a valid token
 * already in its store so tests that are not about auth see only their own requests.
 */
export async function makeClient(
  fake: FakeCj,
  opts: Partial<CjClientOptions> & { seedToken?: boolean; now?: number } = {},
): Promise<TestClient> {
  const clock = opts.clock ?? new FakeClock();
  const { seedToken = true, now = clock.now(), ...rest } = opts;
  const accountId = rest.accountId ?? `acct-${randomUUID()}`;
  const store = rest.tokenStore ?? new MemoryTokenStore();
  if (seedToken) {
    await store.save(accountId, {
      openId: '123456789',
      accessToken: 'seed-access',
      accessTokenExpiresAt: now + 10 * 86_400_000,
      refreshToken: 'seed-refresh',
      refreshTokenExpiresAt: now + 100 * 86_400_000,
      lastGetAccessTokenAt: now - 86_400_000,
    });
  }
  const events: CjEvent[] = [];
  const cj = new CjClient({
    apiKey: 'CJ1234567@api@0123456789abcdef0123456789abcdef',
    baseUrl: fake.baseUrl,
    limiter: noLimiter,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    clock,
    observer: (e) => events.push(e),
    ...rest,
    accountId,
    tokenStore: store,
  });
  return { cj, store, events, accountId };
}
