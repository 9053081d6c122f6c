// What the demo prints: the storefront first (where a person opens it and buys something), then the
// API, the admin token, and how the first scan is going.
import type { Engine } from '../../runtime/engine.js';
import type { CliEnv } from '../env.js';

export function printDemoBanner(engine: Engine, env: CliEnv): void {
  const store = engine.stores[0]!;
  const url = store.url!;
  const token = engine.demoAdminToken!;
  const lines = [
    '',
    `  Storefront       ${url}/`,
    '                   open it in a browser: products appear as the first scan stores them, and the',
    '                   demo payment pays an order at once (nothing is charged; the supplier is simulated)',
    '',
    `lojista demo — store "${store.ctx.config.name}" (${store.ctx.id}), ${store.ctx.config.locale}, ${store.ctx.config.currency}`,
    '',
    `  !! THE SUPPLIER IS SIMULATED: this store talks to the bundled CJ simulator (${engine.simulator?.baseUrl ?? store.ctx.supplier.baseUrl}),`,
    '  !! not to CJ Dropshipping. Nothing is really bought, paid or shipped.',
    '',
    `  Catalogue        ${url}/api/catalog`,
    `  Featured         ${url}/api/catalog/featured`,
    `  Categories       ${url}/api/catalog/categories`,
    `  Store            ${url}/api/store`,
    `  Health           ${url}/health`,
    `  API docs         ${url}/api/docs`,
    '',
    `  Admin console    ${url}/admin   password: ${engine.demoConsolePassword}`,
    `                   (kept in ${env.dataDir}/${store.ctx.id}/demo-console-password)`,
    `  Admin token      ${token}   (the JSON API's Bearer token)`,
    `                   (kept in ${env.dataDir}/${store.ctx.id}/demo-admin-token)`,
    `  Try              curl -H "Authorization: Bearer ${token}" ${url}/api/catalog/scans`,
    `                   curl -H "Authorization: Bearer ${token}" ${url}/api/cj/balance`,
    '',
    '  The first catalogue scan is running; products appear in the storefront and /api/catalog as they pass the gates.',
    '  Stop with Ctrl-C.',
    '',
  ];
  console.log(lines.join('\n'));
}

/** Prints a line every few seconds until the demo's first scan ends, then its per-gate counts. */
export async function followFirstScan(engine: Engine): Promise<void> {
  const store = engine.stores[0]!;
  const started = Date.now();
  let lastLine = '';
  while (Date.now() - started < 30 * 60_000) {
    await new Promise((r) => setTimeout(r, 5_000));
    const run = await store.ctx.db.selectFrom('scan_runs').selectAll().orderBy('started_at', 'desc').limit(1).executeTakeFirst().catch(() => undefined);
    if (!run) continue;
    const counts = JSON.parse(run.counts) as { store: { added: number }; search: { found: number }; analyse: { passed: number } };
    const line = `scan ${run.status}: ${counts.search.found} found, ${counts.analyse.passed} passed analysis, ${counts.store.added} stored, ${run.cj_calls} CJ calls`;
    if (line !== lastLine) console.log(line);
    lastLine = line;
    if (run.status !== 'running') {
      console.log(`First scan ${run.status}${run.note ? ` (${run.note})` : ''}. Storefront: ${store.url}/  Catalogue: ${store.url}/api/catalog`);
      return;
    }
  }
}
