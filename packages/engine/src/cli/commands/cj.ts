// `lojista cj ping|balance --store X`: check the store's CJ account from the command line.
import type { CliEnv } from '../env.js';
import { CliError, EXIT } from '../exit-codes.js';
import { withStore } from '../open-store.js';

export async function cjPing(env: CliEnv, opts: { store: string }): Promise<Record<string, unknown>> {
  return withStore(env, opts.store, { needsCj: true }, async (store) => {
    const started = Date.now();
    try {
      const setting = await store.ctx.cj.setting.get();
      return {
        store: opts.store,
        supplier: store.ctx.supplier.simulated ? 'SIMULATED' : 'CJ',
        baseUrl: store.ctx.supplier.baseUrl,
        openId: setting.openId,
        qpsLimit: setting.qpsLimit,
        ms: Date.now() - started,
      };
    } catch (err) {
      throw new CliError(`CJ did not answer for ${opts.store}: ${(err as Error).message}`, EXIT.supplier);
    }
  });
}

export async function cjBalance(env: CliEnv, opts: { store: string }): Promise<Record<string, unknown>> {
  return withStore(env, opts.store, { needsCj: true }, async (store) => {
    try {
      return { store: opts.store, supplier: store.ctx.supplier.simulated ? 'SIMULATED' : 'CJ', ...(await store.ctx.cj.pay.balance()) };
    } catch (err) {
      throw new CliError(`CJ did not answer for ${opts.store}: ${(err as Error).message}`, EXIT.supplier);
    }
  });
}
