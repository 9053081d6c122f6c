// A response body that many requests share (a cached page or catalogue answer): its ETag and its
// brotli and gzip forms are worked out once, on first need, instead of hashing and compressing the
// same bytes on every response. @fastify/compress leaves a reply alone once it carries a
// Content-Encoding, so a prepared body goes out exactly as prepared here.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type BodyEncoding = 'br' | 'gzip';

/** Below this, compressing costs more than it saves (as the listener's compression threshold). */
const MIN_COMPRESS_BYTES = 1024;

export class PreparedBody {
  readonly etag: string;
  /** The UTF-8 bytes: a string body would be encoded again on every write. */
  readonly bytes: Buffer;
  private readonly encodedForms = new Map<BodyEncoding, Buffer>();

  constructor(text: string, etag: (text: string) => string) {
    this.etag = etag(text);
    // Only the bytes are kept: the text would double the memory of every cached answer.
    this.bytes = Buffer.from(text, 'utf8');
  }

  /** The body in this encoding (computed once; kept as long as this body is). */
  encoded(encoding: BodyEncoding): Buffer {
    let form = this.encodedForms.get(encoding);
    if (!form) {
      // Shared bodies are compressed once, so the best ratio is worth its time here.
      form =
        encoding === 'br'
          ? brotliCompressSync(this.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: this.bytes.length } })
          : gzipSync(this.bytes, { level: 9 });
      this.encodedForms.set(encoding, form);
    }
    return form;
  }

  get compressible(): boolean {
    return this.bytes.length >= MIN_COMPRESS_BYTES;
  }
}

/** br when the client takes it, else gzip, else null (q=0 refuses an encoding). */
export function acceptedEncoding(header: string | string[] | undefined): BodyEncoding | null {
  if (!header) return null;
  const accepted = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (name) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

/** Sends a prepared body in the client's best encoding (the caller sets type, ETag and cache rule). */
export function sendPreparedBody(request: FastifyRequest, reply: FastifyReply, body: PreparedBody): FastifyReply {
  // Appended: CORS may already vary the answer by Origin.
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
  const encoding = body.compressible ? acceptedEncoding(request.headers['accept-encoding']) : null;
  if (!encoding) return reply.send(body.bytes);
  return reply.header('content-encoding', encoding).send(body.encoded(encoding));
}
