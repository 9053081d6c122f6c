// Builds the official SDK client for one store. The API base is configurable (host/port/protocol)
// so the same code runs against api.stripe.com and against a local fake in tests; nothing here is
// shared between stores, each gets its own client with its own key.
import { createRequire } from 'node:module';
import type Stripe from 'stripe';

// The SDK is required when the first Stripe client is built, not when this module loads: a store
// that takes no card payments never holds it (~4 MiB resident).
const require = createRequire(import.meta.url);

export interface StripeClientOptions {
  /** Origin such as "https://api.stripe.com" or "http://127.0.0.1:12111". */
  apiBase: string;
  timeoutMs: number;
  maxNetworkRetries: number;
}

export function createStripeClient(secretKey: string, opts: StripeClientOptions): Stripe {
  const base = new URL(opts.apiBase);
  const protocol = base.protocol === 'http:' ? 'http' : 'https';
  const StripeSdk = require('stripe') as typeof Stripe;
  return new StripeSdk(secretKey, {
    host: base.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: base.port === '' ? (protocol === 'http' ? 80 : 443) : Number(base.port),
    protocol,
    timeout: opts.timeoutMs,
    maxNetworkRetries: opts.maxNetworkRetries,
    // Latency telemetry would tell Stripe about requests to a fake in tests; nothing needs it.
    telemetry: false,
    appInfo: { name: 'lojista' },
  });
}

/** Secret keys are sk_live_/sk_test_ (or restricted rk_…); a pk_ publishable key here is a config slip. */
export function stripeKeyMode(secretKey: string): 'live' | 'test' | undefined {
  const match = /^(?:sk|rk)_(live|test)_[A-Za-z0-9]+$/.exec(secretKey);
  return match ? (match[1] as 'live' | 'test') : undefined;
}
