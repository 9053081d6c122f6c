// A store's orderly stop within a deadline, whatever its clients do:
//   1. drain: /ready answers 503 and responses say "Connection: close" (a load balancer stops
//      sending, keep-alive clients reconnect elsewhere) while requests are still served;
//   2. the listener closes: no new connections; idle keep-alive sockets are closed at once;
//      requests in flight, and running jobs, are given the time that is left;
//   3. whatever socket is still open near the deadline (a stalled upload, a slow reader) is cut.
// A little of the deadline is kept back for the caller to close the database and exit.
import type { Logger } from 'pino';
import type { StoreApp } from './app-types.js';

export interface DrainOptions {
  deadlineMs: number;
  drainDelayMs: number;
  /** false when the store never started listening: nothing to drain. */
  listening: boolean;
  log: Logger;
  beginDrain: () => void;
  /** Stops the scheduler and job runner, letting running jobs finish within `ms`. */
  stopJobs: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function drainAndClose(app: StoreApp, opts: DrainOptions): Promise<void> {
  const started = Date.now();
  // Closing the databases, Redis and the in-process simulator after this takes well under a second
  // on a quiet machine; the rest of the reserve is for a loaded one.
  const reserve = Math.min(2_000, opts.deadlineMs * 0.2);
  const endBy = started + opts.deadlineMs - reserve;
  opts.beginDrain();
  if (opts.listening) await sleep(Math.max(0, Math.min(opts.drainDelayMs, opts.deadlineMs / 4)));

  const closeHttp = async () => {
    const force = setTimeout(
      () => {
        opts.log.warn('shutdown deadline near: closing the connections still open (stalled or slow clients)');
        app.server.closeAllConnections();
      },
      Math.max(0, endBy - Date.now()),
    );
    try {
      await app.close();
    } finally {
      clearTimeout(force);
    }
  };
  await Promise.all([closeHttp(), opts.stopJobs(Math.max(0, endBy - Date.now()))]);
  opts.log.info({ ms: Date.now() - started }, 'listener closed and jobs stopped');
}
