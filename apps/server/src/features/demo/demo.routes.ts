import { loginResponseSchema } from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { ok } from '../../http/envelope.ts';
import { envelope, setSessionCookie } from '../../http/route-helpers.ts';
import { findUserById } from '../accounts/users.repository.ts';
import { ensureDemoAccount } from './demo-account.ts';

/** `POST /api/accounts/demo` (only when DEMO_ENABLED): a session on the read-only demo account. */
export function demoRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const demoUserId = await ensureDemoAccount({ db: deps.db, keys: deps.keys, gateway: deps.gateway, log: app.log });
    app.post(
      '/demo',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Log in to the read-only demo account',
          response: { 200: envelope(loginResponseSchema) },
        },
      },
      async (request, reply) => {
        const user = await findUserById(deps.db, demoUserId);
        if (!user) {
          throw new Error('demo account missing');
        }
        const token = await deps.jwt.sign({ userId: user.id, tokenVersion: user.token_version, authTime: null });
        setSessionCookie(reply, request, deps.config, token);
        return ok({
          message: 'Bienvenue sur le compte de démonstration (lecture seule).',
          access_token: token,
          token_type: 'bearer' as const,
          expires_in: deps.jwt.expiresInSeconds,
        });
      },
    );
  };
}
