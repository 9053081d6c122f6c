// Admin routes need the store's own Bearer token. Tokens are compared in constant time over their
// SHA-256 digests, so neither the content nor the length leaks through timing.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { unauthorized } from './errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

const ADMIN_GUARD = Symbol.for('lojista.adminGuard');

/**
 * A Fastify hook that admits only this store's admin token. Routes may attach it as `preHandler`;
 * the HTTP assembly moves it to `onRequest` (see `isAdminGuard`), so a request without the token is
 * refused before its body is read or its input validated.
 */
export function requireToken(expected: string | undefined) {
  const guard = async (request: FastifyRequest): Promise<void> => {
    const presented = bearerToken(request);
    if (!expected || !presented || !tokenMatches(presented, expected)) throw unauthorized();
  };
  return Object.assign(guard, { [ADMIN_GUARD]: true as const });
}

/** True for a hook made by `requireToken`. */
export function isAdminGuard(hook: unknown): boolean {
  return typeof hook === 'function' && (hook as unknown as Record<symbol, unknown>)[ADMIN_GUARD] === true;
}
