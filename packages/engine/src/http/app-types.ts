import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** The Fastify instance every area registers its routes on (zod schemas for input and output). */
export type StoreApp = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** Security requirement for admin routes in the OpenAPI document. */
export const ADMIN_SECURITY = [{ bearerAuth: [] as string[] }];
