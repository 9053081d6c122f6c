// GET /alerts on a bare Fastify app with the same zod compilers and error mapping as the store
// listener, so this test does not depend on the whole HTTP assembly.
import Fastify, { type FastifyError } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { alertsRoutes } from '../../src/alerts/alerts-routes.js';
import type { StoreApp } from '../../src/http/app-types.js';
import { HttpError } from '../../src/http/errors.js';
import { databaseKinds } from '../support/databases.js';
import { alertHarness } from './setup.js';

const sqlite = (await databaseKinds()).find((k) => k.name === 'sqlite')!;
const ADMIN = 'an-admin-token-of-sufficient-length-0001';

describe('GET /alerts', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  async function app() {
    const h = await alertHarness(sqlite, cleanups);
    const server = Fastify().withTypeProvider() as unknown as StoreApp;
    server.setValidatorCompiler(validatorCompiler);
    server.setSerializerCompiler(serializerCompiler);
    server.setErrorHandler((error: FastifyError, _request, reply) =>
      error instanceof HttpError ? reply.status(error.status).send(error.toBody()) : reply.status(error.statusCode ?? 500).send({ message: error.message }),
    );
    alertsRoutes({ db: h.store.db, adminToken: ADMIN })(server);
    await server.ready();
    cleanups.push(() => server.close());
    return { h, server };
  }

  it('needs the admin token', async () => {
    const { server } = await app();
    expect((await server.inject({ method: 'GET', url: '/alerts' })).statusCode).toBe(401);
    const wrong = await server.inject({ method: 'GET', url: '/alerts', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('returns stored alerts newest first, filtered and paged', async () => {
    const { h, server } = await app();
    await h.alerts.raise({ kind: 'low_stock', subject: 'p1', message: 'one' });
    h.clock.advance(1_000);
    await h.alerts.raise({ kind: 'delisted', subject: 'p2', message: 'two' });
    h.clock.advance(1_000);
    await h.alerts.raise({ kind: 'low_stock', subject: 'p3', message: 'three' });

    const headers = { authorization: `Bearer ${ADMIN}` };
    const all = await server.inject({ method: 'GET', url: '/alerts', headers });
    expect(all.statusCode).toBe(200);
    const body = all.json() as { total: number; items: Array<{ message: string; delivery: unknown; severity: string }> };
    expect(body.total).toBe(3);
    expect(body.items.map((i) => i.message)).toEqual(['three', 'two', 'one']);
    expect(body.items[1]).toMatchObject({ severity: 'info', delivery: { log: 'sent' } });

    const filtered = await server.inject({ method: 'GET', url: '/alerts?kind=low_stock&limit=1&offset=1', headers });
    expect(filtered.json()).toMatchObject({ total: 2, items: [{ message: 'one' }] });

    const bad = await server.inject({ method: 'GET', url: '/alerts?kind=nonsense', headers });
    expect(bad.statusCode).toBe(400);
  });
});
