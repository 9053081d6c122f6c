// The admin console at /admin on the store's own listener: login and logout, then the pages, each
// behind a live session of this store. Every page answers `no-store`: it shows customer data.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { purposeRateLimit } from '../http/rate-limits.js';
import type { ScanDeps } from '../catalog/scanner.js';
import type { RouteModule } from '../http/server.js';
import type { StoreContext } from '../stores/context.js';
import type { AssetRegistry } from '../web/assets.js';
import { clearCookie, setSignedCookie } from '../web/cookies.js';
import { csrfGuard, csrfToken } from '../web/csrf.js';
import { setFlash, takeFlash } from '../web/flash.js';
import { formatDateTime } from '../web/format.js';
import { htmlFace } from '../web/html-face.js';
import { sendPage } from '../web/page-reply.js';
import { renderDocument } from '../web/render.js';
import { buildAdminView, type AdminView } from './admin-view.js';
import { logIn, totpRequired } from './auth/login-service.js';
import { endSession } from './auth/sessions.js';
import { AdminErrorPage } from './pages/error-page.js';
import { LoginPage } from './pages/login-page.js';
import { OverviewPage } from './pages/overview-page.js';
import { storeOverview } from '../overview/overview-service.js';
import { registerOrderPages } from './orders-routes.js';
import type { Refunder } from '../orders/refund.js';
import { registerCataloguePages } from './catalogue/catalogue-routes.js';
import { registerStorePages } from './store/store-routes.js';
import { ADMIN_PREFIX, safeNext } from './paths.js';
import { liveSession, requireSession, sessionCookie } from './session-guard.js';

const loginForm = z.object({
  password: z.string().max(1024).default(''),
  code: z.string().max(12).optional(),
  next: z.string().max(300).optional(),
});

/** Sends a console page: never stored by a cache, never framed, never indexed. */
export function sendAdminPage(request: FastifyRequest, reply: FastifyReply, html: string, status = 200) {
  reply.header('x-robots-tag', 'noindex, nofollow');
  return sendPage(request, reply, html, { status, cache: 'no-store' });
}

/** What some console pages need beyond the store's context. */
export interface AdminConsoleOptions {
  /** The store's Stripe client for refunds (null when the store does not take Stripe payments). */
  refunder?: Refunder | null;
  /** The config file the store was loaded from (the settings page). */
  configFile?: string;
  /** The store's CJ catalogue port and translator (the scan's gates, for adding one CJ product). */
  catalogDeps?: ScanDeps;
}

export function adminConsole(ctx: StoreContext, assets: AssetRegistry, options: AdminConsoleOptions = {}): { view: AdminView; module: RouteModule } {
  const view = buildAdminView(ctx, assets);
  const { paths } = view;
  const m = view.messages.admin;

  const module = htmlFace(
    {
      ctx,
      prefix: ADMIN_PREFIX,
      csrfSameSite: 'strict',
      ownNotFound: true,
      sendErrorPage: ({ request, reply, status, kind }) => sendAdminPage(request, reply, renderDocument(<AdminErrorPage view={view} status={status} kind={kind} />), status),
    },
    (app) => {
      const guard = requireSession(ctx, paths);
      const csrf = csrfGuard(app);
      // Routes are registered relative to the /admin prefix.
      const local = (path: string) => path.slice(ADMIN_PREFIX.length) || '/';

      const renderLogin = async (request: FastifyRequest, reply: FastifyReply, status: number, next: string | null, error?: string) =>
        sendAdminPage(
          request,
          reply,
          renderDocument(
            <LoginPage view={view} csrf={csrfToken(reply)} needsCode={await totpRequired(ctx)} next={next} error={error} flash={takeFlash(request, reply, ctx.id)} />,
          ),
          status,
        );

      app.get(local(paths.login), { schema: { hide: true } }, async (request, reply) => {
        const next = safeNext((request.query as Record<string, unknown>).next);
        if (await liveSession(ctx, request)) return reply.redirect(next ?? paths.sections.overview, 303);
        return renderLogin(request, reply, 200, next);
      });

      app.post(
        local(paths.login),
        { preHandler: csrf, config: { rateLimit: purposeRateLimit(ctx.config, 'login') }, schema: { hide: true } },
        async (request, reply) => {
          const form = loginForm.safeParse(request.body ?? {});
          const next = safeNext(form.success ? form.data.next : undefined);
          if (!form.success) return renderLogin(request, reply, 400, next, m.login.invalid);
          const result = await logIn(ctx, {
            password: form.data.password,
            code: form.data.code,
            ip: request.ip,
            userAgent: String(request.headers['user-agent'] ?? ''),
          });
          if (result.ok) {
            setSignedCookie(reply, sessionCookie(ctx), result.sessionId, { sameSite: 'strict' });
            return reply.redirect(next ?? paths.sections.overview, 303);
          }
          if (result.reason === 'locked') {
            return renderLogin(request, reply, 429, next, m.login.locked(formatDateTime(result.until.toISOString(), ctx.config.locale, ctx.config.timezone)));
          }
          if (result.reason === 'no_password') {
            return renderLogin(request, reply, 403, next, m.login.noPassword(`lojista admin set-password --store ${ctx.id}`));
          }
          return renderLogin(request, reply, 401, next, m.login.invalid);
        },
      );

      app.post(local(paths.logout), { preHandler: csrf, schema: { hide: true } }, async (request, reply) => {
        const id = await liveSession(ctx, request);
        if (id) await endSession(ctx.db, id);
        clearCookie(reply, sessionCookie(ctx));
        setFlash(reply, ctx.id, { kind: 'info', message: m.login.loggedOut });
        return reply.redirect(paths.login, 303);
      });

      registerOrderPages(app, { ctx, view, guard, csrf, refunder: options.refunder ?? null, local, send: sendAdminPage });

      app.get(local(paths.sections.overview), { preHandler: guard, schema: { hide: true } }, async (request, reply) =>
        sendAdminPage(request, reply, renderDocument(<OverviewPage view={view} csrf={csrfToken(reply)} flash={takeFlash(request, reply, ctx.id)} overview={await storeOverview(ctx)} />)),
      );

      const { refunder: _refunder, ...deps } = options;
      const kit = { app, ctx, view, guard, csrf, send: sendAdminPage, ...deps };
      registerCataloguePages(kit);
      registerStorePages(kit);
    },
  );
  return { view, module };
}
