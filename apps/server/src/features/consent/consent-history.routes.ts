import { consentAuditRecordSchema, consentRecordSchema, usagePointIdSchema } from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { currentUser, type Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { security } from '../../http/openapi.ts';
import { envelope } from '../../http/route-helpers.ts';
import { consentAudit, userConsentHistory } from './consent-history.ts';

interface HistoryDeps {
  db: Db;
  guard: Guard;
  now?: () => Date;
}

/** `GET /api/consents`: the caller's consent history (date, meter, expiry, how it ended). */
export function consentHistoryRoutes(deps: HistoryDeps): FastifyPluginAsyncZod {
  const now = deps.now ?? (() => new Date());
  return async (app) => {
    app.get(
      '/',
      {
        onRequest: deps.guard.guard(),
        schema: {
          tags: ['oauth'],
          security,
          summary: 'My Enedis consents, newest first (expiry = consent date + 3 years)',
          response: { 200: envelope(z.array(consentRecordSchema)) },
        },
      },
      async (request) => ok(await userConsentHistory(deps.db, currentUser(request).id, now())),
    );
  };
}

/** `GET /api/admin/consents`: every account's consent records, for an audit (permission `users`). */
export function adminConsentRoutes(deps: HistoryDeps): FastifyPluginAsyncZod {
  const now = deps.now ?? (() => new Date());
  return async (app) => {
    app.get(
      '/',
      {
        onRequest: deps.guard.requirePermission('users'),
        schema: {
          tags: ['admin'],
          security,
          summary: 'Consent records of every account, newest first',
          querystring: z.strictObject({
            user_id: z.string().min(1).max(64).optional(),
            usage_point_id: usagePointIdSchema.optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
          }),
          response: {
            200: envelope(z.object({ total: z.number(), items: z.array(consentAuditRecordSchema) })),
          },
        },
      },
      async (request) => {
        const { user_id, usage_point_id, limit, offset } = request.query;
        return ok(await consentAudit(deps.db, { userId: user_id, usagePointId: usage_point_id, limit, offset }, now()));
      },
    );
  };
}
