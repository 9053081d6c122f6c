// 404, 403, 429 and 500 in the store's style. Error pages are never indexed and never cached.
import type { ErrorKind } from '../../web/html-face.js';
import { ShopLayout, type Visitor } from '../layout.js';
import type { ShopView } from '../shop-view.js';

export function errorPage(view: ShopView, visitor: Visitor, status: number, kind: ErrorKind) {
  const e = view.messages.common.errors;
  const text = e[kind === 'server' ? 'server' : kind];
  return (
    <ShopLayout view={view} visitor={visitor} head={{ title: `${text.title} — ${view.ctx.config.name}`, robots: 'noindex' }}>
      <section class="error-page">
        <p class="code" aria-hidden="true">
          {status}
        </p>
        <h1>{text.title}</h1>
        <p>{text.body}</p>
        <p>
          <a class="btn" href={view.paths.home}>
            {e.backHome}
          </a>
        </p>
      </section>
    </ShopLayout>
  );
}
