// Webhook signatures cover the exact bytes sent, so webhook routes read the body raw. The parser is
// registered inside an encapsulated plugin: only the webhook routes see Buffers.
import type { StoreApp } from '../http/app-types.js';

export function useRawJsonBody(app: StoreApp): void {
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}
