// `lojista scan --store X`: one catalogue scan in this process, with a live progress line.
import type { ScanResult } from '../../catalog/scanner.js';
import type { CliEnv } from '../env.js';
import { CliError, EXIT } from '../exit-codes.js';
import { withStore } from '../open-store.js';
import { progressPrinter } from '../progress.js';

export async function scan(env: CliEnv, opts: { store: string; budget?: number }): Promise<ScanResult> {
  const printer = progressPrinter();
  const abort = new AbortController();
  const onSignal = () => abort.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  try {
    const result = await withStore(env, opts.store, { needsCj: true }, (store) =>
      store.scanNow({
        trigger: 'cli',
        signal: abort.signal,
        onProgress: (p) => printer.update(p),
        ...(opts.budget ? { pointsBudget: opts.budget } : {}),
      }),
    );
    printer.done();
    if (result.status === 'already_running') {
      throw new CliError(`a scan is already running for ${opts.store} (run ${result.holder})`, EXIT.busy);
    }
    console.log(JSON.stringify({ status: result.status, runId: result.runId, note: result.note, cjCalls: result.cjCalls, points: result.pointsSpent, counts: result.counts }, null, 2));
    if (result.status === 'failed') throw new CliError(result.note ?? 'scan failed', EXIT.supplier);
    return result;
  } finally {
    process.off('SIGINT', onSignal);
  }
}
