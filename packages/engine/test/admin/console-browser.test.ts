// The console in Chromium, on a phone and a desktop: the login form and the overview have no axe
// violation and no console error, and the owner gets in by typing the password and pressing Enter.
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOwnerPassword } from '../../src/admin/auth/credentials.js';
import { hashPassword } from '../../src/admin/auth/password-hash.js';
import { axeViolations, chromiumAvailable, collectProblems, launchBrowser, type TestBrowser } from '../support/browser.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';

const PASSWORD = 'correct horse battery';

describe.skipIf(!chromiumAvailable('the admin console in Chromium'))('the admin console in Chromium', () => {
  let sim: RunningSimulator;
  let store: TestStore;
  let browser: TestBrowser;

  beforeAll(async () => {
    sim = await testSimulator();
    store = await startTestStore({ database: 'sqlite', sim });
    await setOwnerPassword(store.runtime.ctx.db, store.runtime.ctx.clock, await hashPassword(PASSWORD));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await store?.close();
    await sim?.close();
  });

  for (const width of [390, 1280]) {
    it(`logs in with the keyboard and shows accessible pages at ${width} px`, { timeout: 120_000 }, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      const problems = collectProblems(page);
      await page.goto(`${store.url}/admin`);
      expect(new URL(page.url()).pathname).toBe('/admin/entrar');
      expect(await page.locator('.sim-banner').textContent()).toContain('simulado');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Palavra-passe').fill(PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${store.url}/admin`);
      expect(await page.locator('h1').textContent()).toBe('Visão geral');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Terminar sessão' }).click();
      await page.waitForURL(/\/admin\/entrar$/);
      expect(await page.getByRole('status').textContent()).toBe('Sessão terminada.');
      expect(problems).toEqual([]);
    });
  }
});
