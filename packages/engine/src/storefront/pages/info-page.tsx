// An information page (terms, privacy, returns, shipping, contact): the store's Markdown rendered
// with raw HTML off (info-pages.ts), inside the store's frame.
import type { InfoPageContent } from '../info-pages.js';
import { ShopLayout, type Visitor } from '../layout.js';
import type { InfoPage } from '../paths.js';
import type { ShopView } from '../shop-view.js';

export function infoPage(view: ShopView, visitor: Visitor, page: InfoPage, content: InfoPageContent) {
  const title = content.title ?? view.messages.shop.infoTitles[page];
  return (
    <ShopLayout view={view} visitor={visitor} head={{ title: `${title} — ${view.ctx.config.name}`, canonical: view.absolute(view.paths.info(page)) }}>
      <article class="prose">
        <h1>{title}</h1>
        {/* Markdown rendered by markdown-it with html: false: text from the file cannot become markup. */}
        <div dangerouslySetInnerHTML={{ __html: content.html }} />
      </article>
    </ShopLayout>
  );
}
