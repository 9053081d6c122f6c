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

/** A Fastify preHandler that admits only this store's admin token. */
export function requireToken(expected: string | undefined) {
  return async (request: FastifyRequest): Promise<void> => {
    const presented = bearerToken(request);
    if (!expected || !presented || !tokenMatches(presented, expected)) throw unauthorized();
  };
}
