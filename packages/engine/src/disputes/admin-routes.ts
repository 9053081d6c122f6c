// The operator's dispute API (Bearer admin token): list, detail with the timeline, cancel at CJ.
import { z } from 'zod';
import { ADMIN_SECURITY, type StoreApp } from '../http/app-types.js';
import { requireToken } from '../http/auth.js';
import { HttpError, notFound } from '../http/errors.js';
import type { StoreContext } from '../stores/context.js';
import { cancelDispute, disputeDetail, getDispute, listDisputes } from './admin.js';
import { DISPUTE_ROW_STATUSES, DISPUTE_RULES } from './rules.js';

export function disputeAdminRoutes(ctx: StoreContext) {
  const admin = requireToken(ctx.secrets.get('adminToken'));
  const security = ADMIN_SECURITY;
  const tags = ['admin: disputes'];
  // Our id (a UUID) or our businessDisputeId ("<order number>-<rule>").
  const idParams = z.object({ id: z.string().trim().min(1).max(100) }).strict();

  return (app: StoreApp) => {
    app.get(
      '/disputes',
      {
        preHandler: admin,
        schema: {
          tags,
          summary: 'Disputes, newest first, filtered by status, rule or order (id or number)',
          security,
          querystring: z
            .object({
              status: z.enum(DISPUTE_ROW_STATUSES).optional(),
              rule: z.enum(DISPUTE_RULES).optional(),
              order: z.string().trim().min(1).max(64).optional(),
              page: z.coerce.number().int().min(1).max(10_000).default(1),
              limit: z.coerce.number().int().min(1).max(200).default(50),
            })
            .strict(),
        },
      },
      async (request) => listDisputes(ctx, request.query),
    );

    app.get(
      '/disputes/:id',
      {
        preHandler: admin,
        schema: {
          tags,
          summary: 'One dispute with its timeline and CJ\'s decision; live=true adds CJ\'s current detail',
          security,
          params: idParams,
          querystring: z.object({ live: z.enum(['true', 'false']).default('false') }).strict(),
        },
      },
      async (request) => {
        const row = await getDispute(ctx, request.params.id);
        if (!row) throw notFound(`no dispute ${request.params.id}`);
        return disputeDetail(ctx, row, request.query.live === 'true');
      },
    );

    app.post(
      '/disputes/:id/cancel',
      { preHandler: admin, schema: { tags, summary: 'Cancel an open dispute at CJ, then here', security, params: idParams } },
      async (request) => {
        const r = await cancelDispute(ctx, request.params.id);
        if (!r.ok) throw new HttpError(r.status, r.code, r.message);
        return { cancelled: true, dispute: r.dispute };
      },
    );
  };
}
