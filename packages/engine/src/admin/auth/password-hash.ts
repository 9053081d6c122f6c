// The owner's password is kept only as an scrypt hash (Node's crypto, the standard library's
// memory-hard KDF): 2^15 iterations of 8-block mixing, 32 MiB and ~0.1 s per attempt, so a stolen
// database does not give the password away cheaply. The parameters travel with the hash, so they
// can be raised later without invalidating stored hashes.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, length, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

const DEFAULTS = { logN: 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** Minimum password length: the console moves money (refunds) and is reachable from the Internet. */
export const MIN_PASSWORD_LENGTH = 12;

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.length > 1024) return 'must be at most 1024 characters long';
  if (/^\s|\s$/.test(password)) return 'must not start or end with a space';
  return null;
}

const memory = (logN: number, r: number) => 128 * r * 2 ** logN * 2;

export async function hashPassword(password: string, params = DEFAULTS): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: memory(params.logN, params.r) });
  return ['scrypt', params.logN, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every((n) => Number.isInteger(n) && n > 0) || logN > 20) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const key = await scrypt(password, salt, expected.length, { N: 2 ** logN, r, p, maxmem: memory(logN, r) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
