// The order page and the tracking form. An order is shown only to the browser holding it in its
// signed `orders` cookie (set at checkout) or to whoever gives its number and email, which adds it
// there; look-ups spend the `tracking` rate-limit budget, so numbers cannot be tried in bulk.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { StoreApp } from '../../http/app-types.js';
import { purposeRateLimit } from '../../http/rate-limits.js';
import { customerTimeline, findCustomerOrder } from '../../orders/customer-orders.js';
import { getOrder } from '../../orders/order-repository.js';
import type { Order } from '../../orders/order.js';
import { paymentStartInput } from '../../orders/start-payment.js';
import { csrfGuard, csrfToken } from '../../web/csrf.js';
import { redirectAfterPost, sendPage } from '../../web/page-reply.js';
import { renderDocument } from '../../web/render.js';
import { formField, type BuyingDeps } from '../buying.js';
import { canSeeOrder, grantOrder, visitorFor } from '../visitor.js';
import { orderPage, orderVerifyPage } from './order-page.js';
import { trackPage } from './track-page.js';

const email = z.email().max(254);
const NUMBER = /^[A-Z0-9-]{4,60}$/;

export function orderRoutes(deps: BuyingDeps) {
  const { view, provider } = deps;
  const { ctx, paths } = view;
  const tracking = { rateLimit: purposeRateLimit(ctx.config, 'tracking') };

  /** The bank details again, from the provider itself (the same text the checkout produced). */
  async function instructionsFor(order: Order): Promise<string | null> {
    if (order.status !== 'awaiting_payment' || order.paymentProvider !== 'manual' || provider.name !== 'manual') return null;
    const start = await provider.start(paymentStartInput(ctx, order, deps.returnPaths));
    return start.kind === 'instructions' ? start.instructions : null;
  }

  async function showOrder(request: FastifyRequest, reply: FastifyReply, order: Order) {
    const [timeline, instructions, visitor] = await Promise.all([customerTimeline(ctx, order), instructionsFor(order), visitorFor(view, request, reply)]);
    return sendPage(request, reply, renderDocument(orderPage(view, visitor, { order, timeline, instructions })), { cache: 'no-store' });
  }

  async function showVerify(request: FastifyRequest, reply: FastifyReply, number: string, form: { email: string; error: string | null; status: number }) {
    const visitor = await visitorFor(view, request, reply);
    const html = renderDocument(orderVerifyPage(view, visitor, { number, csrf: csrfToken(reply), email: form.email, error: form.error }));
    return sendPage(request, reply, html, { status: form.status, cache: 'no-store' });
  }

  async function showTrack(request: FastifyRequest, reply: FastifyReply, form: { number: string; email: string; error: string | null; status: number }) {
    const visitor = await visitorFor(view, request, reply);
    const html = renderDocument(trackPage(view, visitor, { csrf: csrfToken(reply), number: form.number, email: form.email, error: form.error }));
    return sendPage(request, reply, html, { status: form.status, cache: 'no-store' });
  }

  return (app: StoreApp) => {
    app.get<{ Params: { number: string } }>(paths.patterns.order, { schema: { hide: true } }, async (request, reply) => {
      const number = request.params.number.toUpperCase();
      if (NUMBER.test(number) && canSeeOrder(request, ctx.id, number)) {
        const order = await getOrder(ctx.db, number);
        if (order && order.number === number) return showOrder(request, reply, order);
      }
      return showVerify(request, reply, number, { email: '', error: null, status: 200 });
    });

    app.post<{ Params: { number: string } }>(
      paths.patterns.order,
      { preHandler: csrfGuard(app), config: tracking, schema: { hide: true } },
      async (request, reply) => {
        const number = request.params.number.toUpperCase();
        const given = formField(request.body, 'email', 300);
        const order = NUMBER.test(number) && email.safeParse(given).success ? await findCustomerOrder(ctx, number, given) : undefined;
        if (!order) return showVerify(request, reply, number, { email: given, error: view.messages.buy.track.notFound, status: 404 });
        grantOrder(request, reply, ctx.id, order.number);
        return redirectAfterPost(reply, paths.order(order.number));
      },
    );

    app.get(paths.patterns.track, { schema: { hide: true } }, async (request, reply) => showTrack(request, reply, { number: '', email: '', error: null, status: 200 }));

    app.post(paths.patterns.track, { preHandler: csrfGuard(app), config: tracking, schema: { hide: true } }, async (request, reply) => {
      const number = formField(request.body, 'number', 100).toUpperCase();
      const given = formField(request.body, 'email', 300);
      if (!NUMBER.test(number) || !email.safeParse(given).success) {
        return showTrack(request, reply, { number, email: given, error: view.messages.buy.track.invalid, status: 422 });
      }
      const order = await findCustomerOrder(ctx, number, given);
      if (!order) return showTrack(request, reply, { number, email: given, error: view.messages.buy.track.notFound, status: 404 });
      grantOrder(request, reply, ctx.id, order.number);
      return redirectAfterPost(reply, paths.order(order.number));
    });
  };
}
