// `lojista admin …`: the owner's access to the console of one store. The password is asked on the
// terminal (or read from stdin), checked, and stored only as an scrypt hash in the store's
// database; setting it ends every open console session.
import { getOwnerCredentials, setOwnerPassword, setOwnerTotp } from '../../admin/auth/credentials.js';
import { unlockAll } from '../../admin/auth/login-guard.js';
import { hashPassword, passwordProblem } from '../../admin/auth/password-hash.js';
import { endAllSessions } from '../../admin/auth/sessions.js';
import { checkTotp, newTotpSecret, totpUri } from '../../admin/auth/totp.js';
import type { CliEnv } from '../env.js';
import { CliError, EXIT } from '../exit-codes.js';
import { withStore } from '../open-store.js';
import { readSecret } from '../secret-input.js';

export async function setPassword(env: CliEnv, opts: { store: string }): Promise<{ store: string; sessionsEnded: number }> {
  const { value, mismatch } = await readSecret('New console password: ', { confirm: 'Repeat it: ' });
  if (mismatch) throw new CliError('the two passwords differ; nothing was changed', EXIT.usage);
  const problem = passwordProblem(value);
  if (problem) throw new CliError(`the password ${problem}; nothing was changed`, EXIT.usage);
  const hash = await hashPassword(value);
  return withStore(env, opts.store, { needsCj: false }, async (store) => {
    await setOwnerPassword(store.ctx.db, store.ctx.clock, hash);
    return { store: opts.store, sessionsEnded: await endAllSessions(store.ctx.db) };
  });
}

export async function totpEnable(env: CliEnv, opts: { store: string }): Promise<{ store: string; totp: 'enabled' }> {
  return withStore(env, opts.store, { needsCj: false }, async (store) => {
    const { ctx } = store;
    if (!(await getOwnerCredentials(ctx.db))) {
      throw new CliError(`set a password first: lojista admin set-password --store ${opts.store}`, EXIT.usage);
    }
    const secret = newTotpSecret();
    console.error(`Add this account to your authenticator app (scan the URI as a QR code, or type the secret):`);
    console.error(`  ${totpUri(secret, ctx.config.name, ctx.id)}`);
    console.error(`  secret: ${secret}`);
    const { value } = await readSecret('Code shown by the app: ');
    const step = await checkTotp(secret, value.trim(), ctx.clock.now(), null);
    if (step === null) throw new CliError('that code does not match; TOTP was not enabled (run the command again)', EXIT.usage);
    await setOwnerTotp(ctx.db, ctx.clock, secret);
    await endAllSessions(ctx.db);
    return { store: opts.store, totp: 'enabled' };
  });
}

export async function totpDisable(env: CliEnv, opts: { store: string }): Promise<{ store: string; totp: 'disabled' }> {
  return withStore(env, opts.store, { needsCj: false }, async (store) => {
    if (!(await setOwnerTotp(store.ctx.db, store.ctx.clock, null))) {
      throw new CliError(`no console password is set for ${opts.store}`, EXIT.usage);
    }
    return { store: opts.store, totp: 'disabled' };
  });
}

export async function unlock(env: CliEnv, opts: { store: string }): Promise<{ store: string; lockoutsCleared: number }> {
  return withStore(env, opts.store, { needsCj: false }, async (store) => ({ store: opts.store, lockoutsCleared: await unlockAll(store.ctx.db) }));
}

export async function logoutAll(env: CliEnv, opts: { store: string }): Promise<{ store: string; sessionsEnded: number }> {
  return withStore(env, opts.store, { needsCj: false }, async (store) => ({ store: opts.store, sessionsEnded: await endAllSessions(store.ctx.db) }));
}
