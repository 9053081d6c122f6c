import { z } from 'zod';
import { ADMIN_SECURITY, type StoreApp } from '../http/app-types.js';
import { requireToken } from '../http/auth.js';
import { purposeRateLimit } from '../http/rate-limits.js';
import type { StoreContext } from '../stores/context.js';
import { addLead, listLeads } from './leads-service.js';

const leadSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  source: z.string(),
  consent: z.boolean(),
  createdAt: z.string(),
});

export function leadsRoutes(ctx: StoreContext) {
  return (app: StoreApp) => {
    app.post(
      '/leads',
      {
        // The newsletter/contact budget (http.rateLimits.forms), apart from the general one.
        config: { rateLimit: purposeRateLimit(ctx.config, 'forms') },
        schema: {
          tags: ['public'],
          summary: 'Record a newsletter or contact lead (consent required); 202 whether the email is new or known',
          body: z
            .object({
              name: z.string().trim().min(1, 'name is required').max(120),
              email: z.email('a valid email address, e.g. ana@example.pt').max(254),
              source: z.string().trim().min(1).max(40).default('storefront'),
              consent: z.literal(true, { message: 'consent must be true: the customer has to agree to be contacted' }),
            })
            .strict(),
          // The same answer whether the email is new or already known: the reply must not tell a
          // stranger who subscribed (nor echo back the stored name, id or date).
          response: { 202: z.object({ received: z.literal(true) }) },
        },
      },
      async (request, reply) => {
        await addLead(ctx, request.body);
        return reply.status(202).send({ received: true as const });
      },
    );

    app.get(
      '/leads',
      {
        preHandler: requireToken(ctx.secrets.get('adminToken')),
        schema: {
          tags: ['admin'],
          summary: 'List leads, newest first',
          security: ADMIN_SECURITY,
          querystring: z
            .object({
              limit: z.coerce.number().int().min(1).max(500).default(50),
              offset: z.coerce.number().int().min(0).default(0),
            })
            .strict(),
          response: { 200: z.object({ total: z.number(), items: z.array(leadSchema) }) },
        },
      },
      async (request) => listLeads(ctx, request.query),
    );
  };
}
