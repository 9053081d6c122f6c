import { InProcessRateLimiter } from './in-process.js';

let shared: InProcessRateLimiter | undefined;

/**
 * The default limiter: one per process, keyed by accountId, so every CjClient of the same account
 * in this process shares one budget (several clients on one account must not each take 1 qps).
 */
export function processRateLimiter(): InProcessRateLimiter {
  shared ??= new InProcessRateLimiter();
  return shared;
}
