// `lojista status`: per store — supplier mode, products by status, the last scan, jobs waiting or dead.
import { countByStatus } from '../../catalog/catalog-repository.js';
import { listScanRuns } from '../../catalog/scan-runs.js';
import { prepareStores } from '../../runtime/engine.js';
import type { CliEnv } from '../env.js';
import { withStore } from '../open-store.js';

export async function status(env: CliEnv, opts: { store?: string }): Promise<Array<Record<string, unknown>>> {
  const { prepared } = await prepareStores({ configDir: env.configDir, dataDir: env.dataDir, ...(opts.store ? { only: opts.store } : {}) });
  const out: Array<Record<string, unknown>> = [];
  for (const p of prepared) {
    out.push(
      await withStore(env, p.loaded.id, { needsCj: false }, async (store) => {
        const { db } = store.ctx;
        const jobs = await db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status').execute();
        const [last] = await listScanRuns(db, 1);
        return {
          store: p.loaded.id,
          name: p.loaded.config.name,
          port: p.loaded.config.http.port,
          supplier: p.supplier.simulated ? 'SIMULATED (CJ simulator)' : 'CJ',
          database: store.ctx.dialect,
          products: await countByStatus(db),
          lastScan: last ? { status: last.status, startedAt: last.startedAt, finishedAt: last.finishedAt, stored: last.counts.store, cjCalls: last.cjCalls } : null,
          jobs: Object.fromEntries(jobs.map((j) => [j.status, Number(j.n)])),
        };
      }),
    );
  }
  return out;
}
