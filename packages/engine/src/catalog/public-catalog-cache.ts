// The public catalogue's JSON answers (GET /api/catalog, /featured, /categories, /product/:idOrSlug)
// kept serialised per URL and dropped with the catalogue version (catalog-version.ts), the same
// version the storefront's page cache follows: a hidden product leaves both at once. Each answer
// carries an ETag, so a client that has it gets a 304 without a body, and `no-cache`, so browsers
// and proxies may keep it but ask again every time (a hidden product must not linger anywhere).
// The body is compressed once per version (web/prepared-body.ts), not per response.
// Errors (a 404 for an unknown product) are not kept.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { EarlyAnswer } from '../http/early-answer.js';
import { matches, weakEtag } from '../web/page-reply.js';
import { PreparedBody, sendPreparedBody } from '../web/prepared-body.js';
import type { CatalogChangeSignal } from './catalog-version.js';
import { VersionedCache } from './versioned-cache.js';

function answer(request: FastifyRequest, reply: FastifyReply, entry: PreparedBody): FastifyReply {
  reply.header('etag', entry.etag).header('cache-control', 'public, no-cache');
  if (matches(request, entry.etag)) return reply.status(304).send();
  return sendPreparedBody(request, reply.type('application/json; charset=utf-8'), entry);
}

export class PublicCatalogCache {
  private readonly answers: VersionedCache<PreparedBody>;

  constructor(signal: CatalogChangeSignal, maxEntries = 300) {
    this.answers = new VersionedCache(signal, () => true, maxEntries);
  }

  /** Answers from the cache, or computes, serialises through the route's response schema and keeps. */
  async send<S extends z.ZodType>(request: FastifyRequest, reply: FastifyReply, schema: S, compute: () => Promise<z.input<S>>): Promise<FastifyReply> {
    const entry = await this.answers.get(request.url, async () => {
      // What Fastify's serializer would send (fastify-type-provider-zod parses, then stringifies).
      return new PreparedBody(JSON.stringify(schema.parse(await compute())), weakEtag);
    });
    return answer(request, reply, entry);
  }

  /** The route's early answer (http/early-answer.ts): the kept answer for this URL, sent as send() would, or undefined. */
  readonly early: EarlyAnswer = (request, reply) => {
    const entry = this.answers.peek(request.url);
    return entry === undefined ? undefined : answer(request, reply, entry);
  };

  get size(): number {
    return this.answers.size;
  }
}
