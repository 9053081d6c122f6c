// The request id of the work in progress, wherever it runs: set for an HTTP request when it arrives,
// and again for a job that request enqueued when the job runs. The logger stamps it on every line
// (so CJ calls a job makes carry it too), and enqueueJob copies it into the job's payload.
import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/**
 * Marks the current async context (an incoming request, from the server's request callback) with
 * this id. enterWith rather than run: the body's data and end events fire later on the same
 * resource, and run() would not reach them.
 */
export function enterRequest(requestId: string): void {
  storage.enterWith({ requestId });
}

/** Runs fn with this request id (a job carrying the id of the request that enqueued it). */
export function withRequestId<T>(requestId: string | undefined, fn: () => T): T {
  return requestId ? storage.run({ requestId }, fn) : fn();
}

/** A job payload with the current request id added (when there is one and the payload is an object). */
export function stampRequestId(payload: unknown): unknown {
  const requestId = currentRequestId();
  if (!requestId || typeof payload !== 'object' || payload === null || Array.isArray(payload) || 'requestId' in payload) return payload;
  return { ...payload, requestId };
}
