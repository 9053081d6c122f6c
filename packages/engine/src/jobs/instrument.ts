// Counts and times every job a runner runs (lojista_jobs_total, lojista_job_duration_seconds), by
// wrapping the handlers as they are registered — the same for both runtimes, without touching them.
import type { StoreMetrics } from '../observability/metrics.js';
import { withRequestId } from '../observability/request-context.js';
import { RetryLaterError, type JobRunner } from './types.js';

export function instrumentJobs<R extends JobRunner>(runner: R, metrics: StoreMetrics, now: () => number): R {
  const register = runner.register.bind(runner);
  runner.register = (type, handler, opts) => {
    metrics.registerJobType(type);
    register(
      type,
      async (ctx) => {
        const started = now();
        let result: 'ok' | 'retry' | 'failed' = 'failed';
        try {
          // A job enqueued by a request logs under that request's id.
          const requestId = (ctx.job.payload as { requestId?: unknown } | null)?.requestId;
          await withRequestId(typeof requestId === 'string' ? requestId : undefined, () => handler(ctx));
          result = 'ok';
        } catch (err) {
          result = err instanceof RetryLaterError ? 'retry' : 'failed';
          throw err;
        } finally {
          metrics.jobs.inc({ type, result });
          metrics.jobSeconds.observe({ type }, Math.max(0, now() - started) / 1000);
        }
      },
      opts,
    );
  };
  return runner;
}
