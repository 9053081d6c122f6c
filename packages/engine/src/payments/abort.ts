// The Stripe SDK takes no AbortSignal, so a caller's abort stops the wait, not the request. That is
// safe only because every start carries an idempotency key: the abandoned request may still create
// the session, and the retry for the same order receives that very session.
import { PaymentError } from './payment-error.js';

function abortedError(signal: AbortSignal): PaymentError {
  return new PaymentError(
    'aborted',
    'payment start aborted by the caller; the provider may still complete it, so retry with the same order',
    { cause: signal.reason },
  );
}

/** Rejects at once when the caller has already given up, before any side effect. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal);
}

/** Settles like `promise`, or rejects with PaymentError('aborted') as soon as `signal` aborts. */
export function withAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined); // the abandoned request must not surface as an unhandled rejection
    return Promise.reject(abortedError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => undefined);
      reject(abortedError(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
