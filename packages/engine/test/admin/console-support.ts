// Helpers for console tests in Chromium: a store with an owner password and a few products, and a
// logged-in browser page.
import type { Page } from 'playwright-core';
import { setOwnerPassword } from '../../src/admin/auth/credentials.js';
import { hashPassword } from '../../src/admin/auth/password-hash.js';
import type { TestBrowser } from '../support/browser.js';
import type { TestStore } from '../support/store-harness.js';

export const OWNER_PASSWORD = 'correct horse battery';

export async function setPassword(store: TestStore): Promise<void> {
  await setOwnerPassword(store.runtime.ctx.db, store.runtime.ctx.clock, await hashPassword(OWNER_PASSWORD));
}

/** A page of a new browser context, logged in to the store's console. */
export async function loggedInPage(browser: TestBrowser, store: TestStore, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${store.url}/admin/entrar`);
  await page.getByLabel('Palavra-passe').fill(OWNER_PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL(`${store.url}/admin`);
  return page;
}

/** Clicks an action button, then the confirmation page's "Confirmar"; waits for the page after it. */
export async function actAndConfirm(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  await page.waitForSelector('form [name="confirmed"]', { state: 'attached' });
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Confirmar' }).click()]);
}
