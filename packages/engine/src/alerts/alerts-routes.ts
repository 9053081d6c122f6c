// Admin routes of the alerts area: the stored history, newest first. Registered by the HTTP assembly
// like every other area (`alertsRoutes({ db, adminToken })` in the module list); the service itself
// never sees Fastify.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { ADMIN_SECURITY, type StoreApp } from '../http/app-types.js';
import { requireToken } from '../http/auth.js';
import { STORED_ALERT_KINDS, SEVERITIES } from './alert-kinds.js';
import { listAlerts } from './alert-store.js';

const alertSchema = z.object({
  id: z.string(),
  kind: z.string(),
  severity: z.enum(SEVERITIES),
  subject: z.string(),
  message: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  /** Per channel: "sent", "suppressed", "pending" or "failed: <reason>". */
  delivery: z.record(z.string(), z.string()),
  /** When and by whom (owner, agent:<name>) it was acknowledged; null while unread. */
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});

export interface AlertsRoutesDeps {
  db: Kysely<Database>;
  /** The store's admin token; without one, every request is refused. */
  adminToken: string | undefined;
}

export function alertsRoutes(deps: AlertsRoutesDeps) {
  return (app: StoreApp) => {
    app.get(
      '/alerts',
      {
        preHandler: requireToken(deps.adminToken),
        schema: {
          tags: ['admin'],
          summary: 'List stored alerts, newest first (including suppressed ones)',
          security: ADMIN_SECURITY,
          querystring: z
            .object({
              limit: z.coerce.number().int().min(1).max(500).default(50),
              offset: z.coerce.number().int().min(0).default(0),
              kind: z.enum(STORED_ALERT_KINDS as [string, ...string[]]).optional(),
            })
            .strict(),
          response: { 200: z.object({ total: z.number(), items: z.array(alertSchema) }) },
        },
      },
      async (request) => listAlerts(deps.db, request.query),
    );
  };
}
