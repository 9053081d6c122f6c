// Tells a caller the moment its HTTP request is written to the socket — the instant a rate limit
// at the other end starts counting — rather than the moment it called fetch(). Between the two lie
// undici's dispatch, a connection (or TLS handshake) to open and any stall of a busy process; a
// limiter that spaces grants instead of writes lets those delays squeeze two requests together
// (issue 10 §7: arrivals 941 ms apart at QPS 1). Node's fetch (undici) publishes each request's
// creation and its header write on diagnostics channels; the request created inside `whenWritten`
// is tied to its callback through AsyncLocalStorage.
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';

const current = new AsyncLocalStorage<() => void>();
const pending = new WeakMap<object, () => void>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  diagnostics.subscribe('undici:request:create', (message) => {
    const onWritten = current.getStore();
    const request = (message as { request?: object }).request;
    if (onWritten && request) pending.set(request, onWritten);
  });
  diagnostics.subscribe('undici:client:sendHeaders', (message) => {
    const request = (message as { request?: object }).request;
    const onWritten = request && pending.get(request);
    if (!onWritten) return;
    pending.delete(request);
    onWritten();
  });
}

/**
 * Runs `send` (which calls Node's fetch) and calls `onWritten` when its request's headers reach the
 * socket. `onWritten` may never be called (a fetch other than undici's, a request never sent): the
 * caller must have a fallback, and `onWritten` must tolerate a second call.
 */
export function whenWritten<T>(onWritten: () => void, send: () => Promise<T>): Promise<T> {
  install();
  return current.run(onWritten, send);
}
