// The docs page in a real browser (Debian's Chromium driven by playwright-core): Swagger UI renders
// under the store's security headers (helmet's CSP included), lists the public and the admin
// operations, and logs no console error.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSimulator } from '@lojista/cj-sim';
import { REQUIRE_SERVICES } from '@lojista/testkit';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSimulator, type TestStore } from '../support/store-harness.js';
import { startHttpStore } from './http-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (REQUIRE_SERVICES) throw new Error(`${CHROMIUM} is missing — install chromium: apt-get install chromium`);
  console.warn(`\n!!! SKIPPING the docs browser test: ${CHROMIUM} is missing — install chromium: apt-get install chromium\n`);
}

describe.skipIf(!hasChromium)('the docs page in Chromium', () => {
  let sim: RunningSimulator;
  let store: TestStore;
  let context: BrowserContext;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lojista-docs-'));
    sim = await testSimulator();
    store = await startHttpStore({ database: 'sqlite', sim });
    // A fresh profile; the machine has no internet, so nothing may try to reach it.
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await context?.close();
    await store?.close();
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders Swagger UI with the public and admin operations and no console errors', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
    });

    const response = await page.goto(`${store.url}/api/docs`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    // The page renders under a real policy, not because there is none.
    const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    await page.locator('.swagger-ui .opblock').first().waitFor({ timeout: 15_000 });
    await page.locator('.opblock-summary-path', { hasText: '/api/catalog/featured' }).first().waitFor();

    const paths = await page.locator('.opblock-summary-path').allTextContents();
    const clean = paths.map((p) => p.replace(/\u200b/g, '').trim());
    for (const path of ['/health', '/api/catalog', '/api/catalog/featured', '/api/catalog/product/{idOrSlug}', '/api/leads', '/api/catalog/scan', '/api/catalog/scans', '/api/cj/freight', '/metrics']) {
      expect(clean, `operation ${path} on the docs page`).toContain(path);
    }
    // Admin operations carry the lock of the bearer scheme, and the page offers to authorize.
    expect(await page.locator('.btn.authorize').count()).toBeGreaterThan(0);
    const scan = page.locator('.opblock', { has: page.locator('.opblock-summary-path', { hasText: /^\/api\/catalog\/scan$/ }) }).first();
    expect(await scan.locator('.authorization__btn').count()).toBe(1);
    const title = await page.locator('.info .title').first().textContent();
    expect(title).toContain('Test Store');

    const shot = process.env.LOJISTA_DOCS_SCREENSHOT ?? join(dir, 'docs.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await page.close();
  });
});
