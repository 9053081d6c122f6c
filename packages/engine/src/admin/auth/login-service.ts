// Logging the owner in: lockouts first, then the password (and the TOTP code when enabled), then a
// new session. Wrong password and wrong code get the same answer, and every failure counts.
import type { StoreContext } from '../../stores/context.js';
import { claimTotpStep, getOwnerCredentials } from './credentials.js';
import { lockedUntil, recordFailure, recordSuccess } from './login-guard.js';
import { verifyPassword } from './password-hash.js';
import { createSession } from './sessions.js';
import { checkTotp } from './totp.js';

export type LoginResult =
  | { ok: true; sessionId: string }
  | { ok: false; reason: 'locked'; until: Date }
  | { ok: false; reason: 'no_password' }
  | { ok: false; reason: 'invalid' };

export interface LoginAttempt {
  password: string;
  code?: string | undefined;
  ip: string;
  userAgent: string;
}

export async function totpRequired(ctx: StoreContext): Promise<boolean> {
  return (await getOwnerCredentials(ctx.db))?.totpEnabled ?? false;
}

export async function logIn(ctx: StoreContext, attempt: LoginAttempt): Promise<LoginResult> {
  const deps = { db: ctx.db, clock: ctx.clock, settings: ctx.config.admin };
  const locked = await lockedUntil(deps, attempt.ip);
  if (locked) return { ok: false, reason: 'locked', until: locked };
  const credentials = await getOwnerCredentials(ctx.db);
  if (!credentials) return { ok: false, reason: 'no_password' };

  let valid = await verifyPassword(attempt.password, credentials.passwordHash);
  if (valid && credentials.totpEnabled) {
    const step = await checkTotp(credentials.totpSecret!, (attempt.code ?? '').trim(), ctx.clock.now(), credentials.totpLastStep);
    valid = step !== null && (await claimTotpStep(ctx.db, step));
  }
  if (!valid) {
    const outcome = await recordFailure(deps, attempt.ip);
    for (const lock of outcome.locked) {
      ctx.alerts.notify({
        kind: 'admin_login_locked',
        subject: lock.scope === 'store' ? 'store' : attempt.ip,
        message:
          lock.scope === 'store'
            ? `console login locked for everyone until ${lock.until.toISOString()} after repeated failed attempts (lojista admin unlock --store ${ctx.id} lifts it)`
            : `console login locked for ${attempt.ip} until ${lock.until.toISOString()} after ${ctx.config.admin.lockAfterFailures} failed attempts`,
        data: { scope: lock.scope, ip: attempt.ip, until: lock.until.toISOString() },
      });
    }
    const nowLocked = outcome.locked.length > 0 ? new Date(Math.max(...outcome.locked.map((l) => l.until.getTime()))) : null;
    return nowLocked ? { ok: false, reason: 'locked', until: nowLocked } : { ok: false, reason: 'invalid' };
  }
  await recordSuccess(ctx.db, attempt.ip);
  const sessionId = await createSession(deps, { ip: attempt.ip, userAgent: attempt.userAgent });
  ctx.log.info({ ip: attempt.ip }, 'console login');
  return { ok: true, sessionId };
}
