// The console in English (a store whose locale is en-GB): every catalogue and store page answers in
// English at its English path, and an action posted without a CSRF token is refused there too.
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormClient } from '../support/form-client.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { OWNER_PASSWORD, setPassword } from './console-support.js';

describe('the console in English', () => {
  let sim: RunningSimulator;
  let store: TestStore;
  let client: FormClient;

  beforeAll(async () => {
    sim = await testSimulator();
    store = await startTestStore({
      database: 'sqlite',
      sim,
      secrets: { deeplApiKey: 'unused-no-scan-runs' },
      config: { locale: 'en-GB', translation: { provider: 'deepl', fallback: 'none', locale: 'en-GB' } },
    });
    await setPassword(store);
    client = new FormClient(store.url);
    const login = await client.submit('/admin/login', '/admin/login', { password: OWNER_PASSWORD });
    expect(login.status).toBe(303);
  });
  afterAll(async () => {
    await store?.close();
    await sim?.close();
  });

  const pages: Array<[string, string]> = [
    ['/admin/catalogue', 'Catalogue'],
    ['/admin/catalogue/scans', 'Catalogue scans'],
    ['/admin/catalogue/rejected', 'Rejected candidates'],
    ['/admin/catalogue/add', 'Add a product from CJ'],
    ['/admin/disputes', 'Disputes'],
    ['/admin/leads', 'Leads'],
    ['/admin/alerts', 'Alerts'],
    ['/admin/jobs', 'Jobs'],
    ['/admin/jobs/webhooks', 'Webhooks received'],
    ['/admin/cj-account', 'CJ account'],
    ['/admin/cj-account/tracking', 'Tracking lookup'],
    ['/admin/settings', 'Settings'],
  ];

  it.each(pages)('%s answers in English', async (path, heading) => {
    const page = await client.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="en-GB"');
    expect(page.text).toContain(`<h1>${heading}</h1>`);
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses an action without a CSRF token, and asks before acting with one', async () => {
    expect((await client.postForm('/admin/jobs/run', { task: 'inventory', confirmed: 'yes' })).status).toBe(403);
    const confirmPage = await client.submit('/admin/jobs', '/admin/jobs/run', { task: 'inventory' });
    expect(confirmPage.status).toBe(200);
    expect(confirmPage.text).toContain('Run now: Stock and price check?');
    const jobs = await store.runtime.ctx.db.selectFrom('jobs').select('id').where('type', '=', 'inventory.sync').where('dedupe_key', '=', 'schedule:inventory').execute();
    expect(jobs).toHaveLength(0);
  });
});
