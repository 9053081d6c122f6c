// Assembles one store's HTTP listener: security headers, CORS allowlist, rate limits, body limits,
// validation and uniform JSON errors, OpenAPI + docs page, and the routes each area registers.
import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { createServer, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, { LogController, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { StoreMetrics } from '../observability/metrics.js';
import type { StoreConfig } from '../stores/store-config.js';
import type { StoreApp } from './app-types.js';
import { currentRequestId, enterRequest } from '../observability/request-context.js';
import { bearerToken, isAdminGuard, tokenMatches } from './auth.js';
import { addressMatcher, guardConnections } from './connection-guard.js';
import { registerEarlyAnswers } from './early-answer.js';
import { badRequest, HttpError } from './errors.js';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id.js';
import { registerSecurityHeaders } from './security-headers.js';

export interface HttpServerOptions {
  storeId: string;
  config: StoreConfig;
  log: Logger;
  metrics: StoreMetrics;
  /** Sent as a response header on every response while the supplier is the simulator. */
  simulatedSupplier: boolean;
  version: string;
  /** Requests carrying this store's admin token skip the public rate limit (storefront traffic from one IP must not lock the operator out). */
  adminToken?: string | undefined;
  /** True once shutdown has begun: responses then ask the client to close its connection. */
  isDraining?: () => boolean;
}

export type RouteModule = (app: StoreApp) => void | Promise<void>;

/** Where the JSON API lives; the storefront owns every other clean URL of the listener. */
export const API_PREFIX = '/api';

export interface RouteModules {
  /** Registered at the listener's root: operations endpoints (/health, /ready, /metrics) and the HTML faces. */
  root?: RouteModule[];
  /** The JSON API, registered under API_PREFIX. */
  api: RouteModule[];
  /** Answers unknown paths outside the API (the storefront's 404 page); JSON otherwise. */
  notFound?: (request: FastifyRequest, reply: FastifyReply) => unknown;
}

const SIMULATED_HEADER = 'simulated (CJ simulator, not production)';

function answerClientError(error: NodeJS.ErrnoException, socket: Socket, log: Logger): void {
  log.debug({ code: error.code, ip: socket.remoteAddress }, 'malformed or timed-out request');
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'the request did not arrive in time (http.timeouts)']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'the request headers are too large']
        : [400, 'bad_request', 'malformed HTTP request (framing, chunked encoding or headers)'];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const noStore = async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
  reply.header('cache-control', 'no-store');
  return payload;
};

/** The path (keys) to the first string holding a NUL character, or null. */
function pathToNul(value: unknown, depth = 0): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? [] : null;
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    const path = pathToNul(inner, depth + 1);
    if (path) return [key, ...path];
  }
  return null;
}

export async function buildHttpServer(opts: HttpServerOptions, modules: RouteModules): Promise<StoreApp> {
  const { config } = opts;
  const { timeouts } = config.http;
  const isTrustedProxy = addressMatcher(config.http.trustedProxies);
  const app = Fastify({
    loggerInstance: opts.log,
    // Requests are logged once, at info, by the onResponse hook below (with the route, not the URL).
    logController: new LogController({ disableRequestLogging: true }),
    // request.log is the store's logger itself: the logger's mixin stamps the request id on every
    // line (request.log and ctx.log alike), so Fastify's own reqId binding would only repeat it.
    childLoggerFactory: (logger, _bindings, childOptions) => (Object.keys(childOptions).length > 0 ? logger.child({}, childOptions) : logger),
    // The id entered by the server callback below; requestIdFor again only if there was none.
    genReqId: (raw) => currentRequestId() ?? requestIdFor(raw),
    // The server is built here (not by Fastify) to enter the request's id before any of its work runs.
    serverFactory: (handler) => {
      const server = createServer(
        {
          // Node enforces both on a timer: check every second so a slow client is cut off promptly.
          connectionsCheckingInterval: 1_000,
          headersTimeout: Math.min(timeouts.headers, timeouts.request),
          requestTimeout: timeouts.request,
          keepAliveTimeout: timeouts.idle,
        },
        (request, response) => {
          enterRequest(requestIdFor(request));
          handler(request, response);
        },
      );
      return server;
    },
    // Bad framing (malformed chunked bodies, broken heads) and slow clients cut off by a timeout are
    // answered by Node before any route runs: answer them in the uniform error format, quietly.
    clientErrorHandler: (error, socket) => answerClientError(error as NodeJS.ErrnoException, socket as Socket, opts.log),
    bodyLimit: config.http.bodyLimitBytes,
    // A list of proxy addresses (only they may set X-Forwarded-*), or the old boolean.
    trustProxy: config.http.trustedProxies.length > 0 ? config.http.trustedProxies : config.http.trustProxy,
    // CJ and Stripe webhooks need the exact bytes for their signatures; routes opt in via rawBody.
    return503OnClosing: true,
    // Errors Fastify's router raises before any route or hook runs (a path parameter over
    // maxParamLength, a malformed %-escape) would otherwise answer in Fastify's own format.
    frameworkErrors: (error, _request, frameworkReply) => {
      const reply = frameworkReply as unknown as FastifyReply;
      if (opts.simulatedSupplier) reply.header('x-lojista-supplier', SIMULATED_HEADER);
      reply.header('x-lojista-store', opts.storeId);
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
        return reply.status(414).send({ error: { code: 'uri_too_long', message: 'a path parameter is longer than 100 characters' } });
      }
      if (error.code === 'FST_ERR_BAD_URL') {
        return reply.status(400).send({ error: { code: 'invalid_url', message: 'the path is not a valid URL (check its %-escapes)' } });
      }
      return reply.status(500).send({ error: { code: 'internal', message: 'internal error' } });
    },
  }).withTypeProvider() as unknown as StoreApp;
  guardConnections(app.server, {
    maxPerIp: config.http.maxConnectionsPerIp,
    // Behind the old `trustProxy: true` every peer is taken for a proxy: no cap can tell clients apart.
    isExempt: config.http.trustProxy ? () => true : isTrustedProxy,
    onRefused: (address) => opts.log.warn({ ip: address, max: config.http.maxConnectionsPerIp }, 'connection refused: too many open from this address'),
  });

  // JSON only: without this, Fastify's built-in text/plain parser hands a string to the schema (a 400
  // "expected object") instead of the 415 every other non-JSON body gets.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return reply.status(error.status).send(error.toBody());
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const where = error.validationContext ?? 'body';
      const segments = first?.instancePath?.split('/').filter(Boolean) ?? [];
      // zod reports an unknown key on the object that holds it; the input to fix is the key itself.
      const unknownKeys = first?.keyword === 'unrecognized_keys' ? first.params.keys : undefined;
      if (Array.isArray(unknownKeys) && typeof unknownKeys[0] === 'string') segments.push(unknownKeys[0]);
      const field = [where, ...segments].join('.');
      const message = `${field}: ${first?.message ?? 'invalid value'}`;
      return reply.status(400).send({ error: { code: 'invalid_input', message, field } });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return reply.status(500).send({ error: { code: 'internal', message: 'internal error' } });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ error: { code: 'rate_limited', message: 'too many requests; slow down and retry later' } });
    }
    if (status === 413) {
      return reply.status(413).send({
        error: { code: 'body_too_large', message: `request body is larger than ${config.http.bodyLimitBytes} bytes` },
      });
    }
    if (status === 415) {
      return reply.status(415).send({ error: { code: 'unsupported_media_type', message: 'send JSON with Content-Type: application/json' } });
    }
    if (status >= 400 && status < 500) {
      // Fastify's content-type parser errors (malformed or empty JSON) are about the body.
      const field = error.code?.startsWith('FST_ERR_CTP_') ? { field: 'body' } : {};
      return reply.status(status).send({ error: { code: 'bad_request', message: error.message, ...field } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'internal error' } });
  });
  const jsonNotFound = (request: FastifyRequest, reply: FastifyReply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `no route for ${request.method} ${request.url.split('?')[0]}` } });
  app.setNotFoundHandler(modules.notFound ?? jsonNotFound);

  registerSecurityHeaders(app, {
    // The docs page (swagger-ui) ships its own scripts and styles.
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:', 'https:'] },
    },
  });
  await app.register(fastifyCors, {
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
  });
  // A client that vanished before its request was routed (bad framing makes Node drop the socket)
  // leaves no address to count it by: there is nobody to answer, so end it here, quietly — before
  // the rate limit, which needs the address.
  app.addHook('onRequest', async (request, reply) => {
    if (request.ip === undefined) {
      return reply.status(400).send({ error: { code: 'bad_request', message: 'the connection closed before the request was read' } });
    }
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.http.publicRateLimit.max,
    timeWindow: config.http.publicRateLimit.window,
    // Only a valid admin token is exempt; wrong tokens stay limited, which also slows guessing.
    allowList: (request) => {
      const presented = bearerToken(request);
      return opts.adminToken !== undefined && presented !== undefined && tokenMatches(presented, opts.adminToken);
    },
  });

  // After the rate limit: its per-route hook is added by an onRoute hook registered just above.
  registerEarlyAnswers(app);

  // Pages, JSON and the docs page go out compressed (brotli or gzip) when the client accepts it;
  // assets are compressed once at start-up and opt out.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024 });

  app.addHook('onSend', async (request, reply, payload) => {
    if (opts.simulatedSupplier) reply.header('x-lojista-supplier', SIMULATED_HEADER);
    reply.header('x-lojista-store', opts.storeId);
    reply.header(REQUEST_ID_HEADER, request.id);
    // Draining: keep-alive clients are told to reconnect, so they leave before the listener closes.
    if (opts.isDraining?.()) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    opts.metrics.httpRequests.inc({ route, method: request.method, status: String(reply.statusCode) });
    opts.metrics.httpSeconds.observe({ route, method: request.method }, reply.elapsedTime / 1000);
    // The access log: one line per request (the store and request id come from the logger).
    request.log.info({ method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime), ip: request.ip }, 'request');
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `${config.name} — lojista store API`,
        description: `Store "${opts.storeId}". Public routes serve the storefront; admin routes need this store's Bearer token.`,
        version: opts.version,
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  // No staticCSP: it would replace helmet's policy on the docs routes with one whose style-src lacks
  // 'unsafe-inline', and Swagger UI's inline styles would be blocked (console errors, broken layout).
  await app.register(fastifySwaggerUi, { routePrefix: `${API_PREFIX}/docs` });
  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());

  // Admin auth runs at onRequest (after the rate limit), not where a route attached it: a request
  // without this store's token gets 401 before its body is parsed or its input validated (no
  // validation details, no 413/415 for strangers).
  app.addHook('onRoute', (route) => {
    const asList = <T>(hooks: T | T[] | undefined): T[] => (hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]);
    const preHandlers = asList(route.preHandler);
    const guards = preHandlers.filter(isAdminGuard);
    if (guards.length === 0) return;
    route.preHandler = preHandlers.filter((hook) => !isAdminGuard(hook));
    const onRequest = asList(route.onRequest);
    // A guard is `(request) => Promise<void>`: as valid an onRequest hook as a preHandler.
    route.onRequest = [...onRequest, ...(guards as unknown as typeof onRequest)];
    // Admin answers carry customer data (orders, leads…): no browser or proxy may keep a copy.
    const onSend = asList(route.onSend);
    route.onSend = [...onSend, noStore as unknown as (typeof onSend)[number]];
  });

  // PostgreSQL can neither store nor compare text holding NUL: such input is a 400 naming the field,
  // not a 500 from the database (SQLite would store it, so both databases answer alike).
  app.addHook('preValidation', async (request) => {
    const inputs = [['params', request.params], ['querystring', request.query], ['body', request.body]] as const;
    for (const [where, value] of inputs) {
      const path = pathToNul(value);
      if (path) {
        const field = [where, ...path].join('.');
        throw badRequest(field, `${field}: must not contain the NUL character (\\u0000)`);
      }
    }
  });

  for (const register of modules.root ?? []) await register(app);
  await app.register(
    async (api) => {
      // A face at the root may answer unknown paths with a page; under /api they stay JSON.
      api.setNotFoundHandler(jsonNotFound);
      for (const register of modules.api) await register(api as StoreApp);
    },
    { prefix: API_PREFIX },
  );
  return app;
}
