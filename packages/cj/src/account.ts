import { createHash } from 'node:crypto';

/**
 * Default account key: a stable, non-reversible hash of the API key, so token files, limiter keys
 * and logs never contain the key itself, and the same key always maps to the same budget.
 */
export function defaultAccountId(apiKey: string): string {
  return `cj-${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;
}
