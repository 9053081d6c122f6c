// The optional second factor: time-based one-time codes (RFC 6238, what authenticator apps speak),
// through otplib, on the store's clock. A code is accepted within one 30 s step either side, and
// never twice (the step is claimed in the database).
import { generate, generateSecret, generateURI, verify } from 'otplib';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, storeName: string, storeId: string): string {
  return generateURI({ issuer: `lojista ${storeName}`, label: `owner@${storeId}`, secret });
}

/** The time step the code belongs to, or null when it is not a valid code now. */
export async function checkTotp(secret: string, code: string, nowMs: number, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(nowMs / 1000);
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  // The 30 s step (RFC 6238's counter) the code matched: the current one moved by the drift.
  return result.valid ? Math.floor(epoch / 30) + result.delta : null;
}

/** The current code (for tests and the CLI's confirmation step). */
export async function currentTotp(secret: string, nowMs: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(nowMs / 1000) });
}
