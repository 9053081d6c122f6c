// Structured logs with pino. Every store logs through a child logger that carries `store`, and
// secrets never reach the output: known secret-bearing keys are redacted by path, and every secret
// value a store loaded is scrubbed from messages and strings as a second line of defence.
import { pino, type Logger, type LoggerOptions } from 'pino';
import { currentRequestId } from './request-context.js';

export type { Logger };

const secretValues = new Set<string>();

/** Values that must never be printed (CJ API keys, admin tokens, payment keys…). */
export function registerSecretValues(values: Iterable<string>): void {
  for (const v of values) if (v.length >= 8) secretValues.add(v);
}

function scrub(text: string): string {
  let out = text;
  for (const secret of secretValues) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out;
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value; // the `err` serializer scrubs it
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, depth + 1);
  return out;
}

export const REDACT_PATHS = [
  'apiKey',
  '*.apiKey',
  'adminToken',
  '*.adminToken',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'password',
  '*.password',
  'secrets',
  '*.secrets',
  'req.headers.authorization',
  'req.headers["cj-access-token"]',
  'req.headers["stripe-signature"]',
  'headers.authorization',
  'headers["CJ-Access-Token"]',
];

export interface RootLoggerOptions {
  level?: string;
  /** Write to this stream instead of stdout (tests capture lines this way). */
  destination?: NodeJS.WritableStream;
}

export function createRootLogger(opts: RootLoggerOptions = {}): Logger {
  const options: LoggerOptions = {
    level: opts.level ?? process.env.LOJISTA_LOG_LEVEL ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Every line written while a request (or a job it enqueued) is in progress names that request.
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    formatters: { log: (obj) => scrubDeep(obj) as Record<string, unknown> },
    // Error messages and stacks carry secrets too (a URL with a token, a rejected key).
    serializers: { err: (err: Error) => scrubDeep(pino.stdSerializers.err(err)) },
    hooks: {
      logMethod(args, method) {
        // log.error(err): pino would take the message from the error unscrubbed.
        const [first, ...rest] = args as unknown[];
        const normalised = first instanceof Error ? [{ err: first }, rest[0] ?? first.message, ...rest.slice(1)] : args;
        method.apply(this, normalised.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
      },
    },
  };
  return opts.destination ? pino(options, opts.destination as pino.DestinationStream) : pino(options);
}

export function storeLogger(root: Logger, storeId: string): Logger {
  return root.child({ store: storeId });
}
