import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '@lojista/cj-sim';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';

describe('a scan against the simulator (smoke)', () => {
  let sim: RunningSimulator;
  let store: TestStore;
  beforeAll(async () => {
    sim = await testSimulator();
    store = await startTestStore({ database: 'sqlite', sim });
  });
  afterAll(async () => {
    await store?.close();
    await sim?.close();
  });

  it('stores products that the public catalogue then serves', async () => {
    const result = await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 600 });
    expect(result.status, JSON.stringify(result)).toBe('finished');
    const res = await fetch(`${store.url}/api/catalog?limit=5`);
    const body = (await res.json()) as { total: number; items: Array<{ title: string; price: { minor: number } }> };
    expect(body.total).toBeGreaterThan(0);
    expect(body.items[0]!.price.minor).toBeGreaterThan(0);
  });
});
