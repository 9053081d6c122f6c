// A real browser for page tests: Debian's Chromium driven by playwright-core, a fresh profile, no
// network beyond loopback, and axe-core for accessibility. Suites skip loudly without Chromium,
// unless LOJISTA_REQUIRE_SERVICES=1 (CI), where its absence fails them.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { REQUIRE_SERVICES } from '@lojista/testkit';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether browser suites can run; prints the loud skip line (or throws in CI) when not. */
export function chromiumAvailable(suite: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (REQUIRE_SERVICES) throw new Error(`${CHROMIUM} is missing — install chromium: apt-get install chromium`);
  console.warn(`\n!!! SKIPPING ${suite}: ${CHROMIUM} is missing — install chromium: apt-get install chromium\n`);
  return false;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  browser: Browser;
  /** A new isolated context (its own cookies), e.g. `{ javaScriptEnabled: false }` or a phone viewport. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  // playwright gives the browser a fresh temporary profile of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext(options);
      return context.newPage();
    },
    async close() {
      await browser.close();
    },
  };
}

/** Console errors, failed requests and HTTP errors a page produced (collect before navigating; a test that expects a 4xx page filters it). */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  return problems;
}

const axeSource: string = (() => {
  const require = createRequire(import.meta.url);
  return (require('axe-core') as { source: string }).source;
})();

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page (WCAG 2.1 A/AA and best practices) and returns its violations. Evaluated
 * through the DevTools protocol, so the page's own CSP, which forbids inline scripts, still holds.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return result;
}
