// The information pages at their paths in the store's language, and the newsletter page. The
// newsletter post records a lead with explicit consent through the leads service (the same one as
// POST /api/leads) and spends the `forms` rate-limit budget.
import { z } from 'zod';
import type { StoreApp } from '../../http/app-types.js';
import { purposeRateLimit } from '../../http/rate-limits.js';
import { addLead } from '../../leads/leads-service.js';
import { csrfGuard, csrfToken } from '../../web/csrf.js';
import { setFlash } from '../../web/flash.js';
import { redirectAfterPost, sendPage } from '../../web/page-reply.js';
import { renderDocument } from '../../web/render.js';
import { formField, queryField, type BuyingDeps } from '../buying.js';
import { INFO_PAGES } from '../paths.js';
import { visitorFor } from '../visitor.js';
import { infoPage } from './info-page.js';
import { newsletterPage } from './newsletter-page.js';

const email = z.email().max(254);

export function infoRoutes(deps: BuyingDeps) {
  const { view, info } = deps;
  const { ctx, paths } = view;
  const m = view.messages.buy.newsletter;

  return (app: StoreApp) => {
    for (const page of INFO_PAGES) {
      app.get(paths.info(page), { schema: { hide: true } }, async (request, reply) =>
        sendPage(request, reply, renderDocument(infoPage(view, await visitorFor(view, request, reply), page, info[page]))),
      );
    }

    app.get(paths.patterns.newsletter, { schema: { hide: true } }, async (request, reply) => {
      const visitor = await visitorFor(view, request, reply);
      const form = { csrf: csrfToken(reply), name: '', email: queryField(request.query, 'email', 254), errors: {} };
      return sendPage(request, reply, renderDocument(newsletterPage(view, visitor, form)), { cache: 'no-store' });
    });

    app.post(
      paths.patterns.newsletter,
      { preHandler: csrfGuard(app), config: { rateLimit: purposeRateLimit(ctx.config, 'forms') }, schema: { hide: true } },
      async (request, reply) => {
        const name = formField(request.body, 'name', 120);
        const given = formField(request.body, 'email', 300);
        const consent = formField(request.body, 'consent', 10) !== '';
        const errors = {
          ...(email.safeParse(given).success ? {} : { email: m.invalidEmail }),
          ...(consent ? {} : { consent: m.consentRequired }),
        };
        if (Object.keys(errors).length > 0) {
          const visitor = await visitorFor(view, request, reply);
          const html = renderDocument(newsletterPage(view, visitor, { csrf: csrfToken(reply), name, email: given, errors }));
          return sendPage(request, reply, html, { status: 422, cache: 'no-store' });
        }
        await addLead(ctx, { name, email: given, source: 'newsletter', consent: true });
        // The same answer for a new and a known email: the form does not tell who is subscribed.
        setFlash(reply, ctx.id, { kind: 'success', message: m.done });
        return redirectAfterPost(reply, paths.patterns.newsletter);
      },
    );
  };
}
