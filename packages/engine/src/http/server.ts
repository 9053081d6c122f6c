// Assembles one store's HTTP listener: security headers, CORS allowlist, rate limits, body limits,
// validation and uniform JSON errors, OpenAPI + docs page, and the routes each area registers.
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyError } from 'fastify';
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
import { HttpError } from './errors.js';

export interface HttpServerOptions {
  storeId: string;
  config: StoreConfig;
  log: Logger;
  metrics: StoreMetrics;
  /** Sent as a response header on every response while the supplier is the simulator. */
  simulatedSupplier: boolean;
  version: string;
}

export type RouteModule = (app: StoreApp) => void | Promise<void>;

export async function buildHttpServer(opts: HttpServerOptions, modules: RouteModule[]): Promise<StoreApp> {
  const { config } = opts;
  const app = Fastify({
    loggerInstance: opts.log,
    // Requests are logged once, at debug, by the onResponse hook below (with the route, not the URL).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    // CJ and Stripe webhooks need the exact bytes for their signatures; routes opt in via rawBody.
    return503OnClosing: true,
  }).withTypeProvider() as unknown as StoreApp;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return reply.status(error.status).send(error.toBody());
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const where = error.validationContext ?? 'body';
      const path = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.') ?? '';
      const field = path ? `${where}.${path}` : where;
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
      return reply.status(status).send({ error: { code: 'bad_request', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'internal error' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `no route for ${request.method} ${request.url.split('?')[0]}` } }),
  );

  await app.register(fastifyHelmet, {
    // The docs page (swagger-ui) ships its own scripts and styles.
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:', 'https:'] },
    },
  });
  await app.register(fastifyCors, {
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.http.publicRateLimit.max,
    timeWindow: config.http.publicRateLimit.window,
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    if (opts.simulatedSupplier) reply.header('x-lojista-supplier', 'simulated (CJ simulator, not production)');
    reply.header('x-lojista-store', opts.storeId);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    opts.metrics.httpRequests.inc({ route, method: request.method, status: String(reply.statusCode) });
    opts.metrics.httpSeconds.observe({ route, method: request.method }, reply.elapsedTime / 1000);
    request.log.debug({ method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
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
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const register of modules) await register(app);
  return app;
}
