// What a console section module needs to add its pages to the console's Fastify context: the
// store, the view (strings, paths, assets), the session guard and the CSRF guard, and helpers for
// the usual page round trip (render → post → confirm → act → flash → redirect).
import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { VNode } from 'preact';
import type { ScanDeps } from '../../catalog/scanner.js';
import type { StoreApp } from '../../http/app-types.js';
import type { StoreContext } from '../../stores/context.js';
import { csrfToken } from '../../web/csrf.js';
import { setFlash, takeFlash, type Flash } from '../../web/flash.js';
import { redirectAfterPost } from '../../web/page-reply.js';
import { renderDocument } from '../../web/render.js';
import type { AdminView } from '../admin-view.js';
import { ADMIN_PREFIX } from '../paths.js';

export interface AdminPageKit {
  app: StoreApp;
  ctx: StoreContext;
  view: AdminView;
  /** preHandler: a live session of this store. */
  guard: preHandlerHookHandler;
  /** preHandler: a valid CSRF token (form posts). */
  csrf: preHandlerHookHandler;
  /** The config file the store was loaded from (the settings page). */
  configFile?: string;
  /** The scan's gates, for adding one CJ product. */
  catalogDeps?: ScanDeps;
  /** Sends a rendered console page (no-store, noindex). */
  send(request: FastifyRequest, reply: FastifyReply, html: string, status?: number): FastifyReply | Promise<FastifyReply>;
}

/** What every page component gets besides its own data. */
export interface PageFrame {
  view: AdminView;
  csrf: string;
  flash: Flash | null;
}

/** Route path relative to the console's prefix (routes are registered inside it). */
export const local = (path: string): string => path.slice(ADMIN_PREFIX.length) || '/';

export function frame(kit: AdminPageKit, request: FastifyRequest, reply: FastifyReply): PageFrame {
  return { view: kit.view, csrf: csrfToken(reply), flash: takeFlash(request, reply, kit.ctx.id) };
}

export function sendNode(kit: AdminPageKit, request: FastifyRequest, reply: FastifyReply, node: VNode, status = 200) {
  return kit.send(request, reply, renderDocument(node), status);
}

/** After an action: a one-shot message and a 303 back to a console page. */
export function doneRedirect(kit: AdminPageKit, reply: FastifyReply, to: string, flash: Flash) {
  setFlash(reply, kit.ctx.id, flash);
  return redirectAfterPost(reply, to);
}

/** Whether a posted action carries the confirmation step's answer (`confirmed=yes`). */
export function confirmed(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as Record<string, unknown>).confirmed === 'yes';
}

/** The posted form's own fields (without the CSRF token and the confirmation), as strings. */
export function formFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '_csrf' || k === 'confirmed') continue;
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** A 1-based page number from a query value (bad or missing → 1). */
export function pageNumber(value: unknown): number {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
  return Number.isSafeInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** A query value as trimmed text of at most `max` characters, or undefined. */
export function queryText(value: unknown, max = 100): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t.length > 0 && t.length <= max ? t : undefined;
}
