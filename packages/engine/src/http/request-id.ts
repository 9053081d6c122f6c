// Every request gets an id: the caller's X-Request-Id when it looks like an id (so a proxy's or a
// client's id follows the request through our logs), else a fresh one. It is returned in the
// response, printed on each log line of the request and carried into the jobs it enqueues.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Letters, digits and . _ : - only, at most 128: anything else could forge log fields or lines. */
const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFor(raw: IncomingMessage): string {
  const presented = raw.headers[REQUEST_ID_HEADER];
  return typeof presented === 'string' && SANE.test(presented) ? presented : randomUUID();
}
