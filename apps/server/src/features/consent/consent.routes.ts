import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, type Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { clientIp, envelope } from '../../http/route-helpers.ts';
import { security } from '../../http/openapi.ts';
import type { ConsentService } from './consent.service.ts';

const tags = ['oauth'];

export function consentRoutes(deps: {
  consent: ConsentService;
  guard: Guard;
  frontendUrl: string;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const { guard, authenticate } = deps.guard;

    app.get(
      '/authorize',
      {
        onRequest: guard({ writes: true }),
        schema: {
          tags,
          security,
          summary: 'Enedis consent URL (36 months, single-use state valid 10 minutes)',
          response: { 200: envelope(z.object({ authorize_url: z.string(), description: z.string() })) },
        },
      },
      async (request) => {
        const { authorize_url, description } = await deps.consent.authorize(currentUser(request));
        return ok({ authorize_url, description });
      },
    );

    app.get(
      '/callback',
      {
        schema: {
          tags,
          summary: 'Where Enedis sends the browser back after consent; redirects to the dashboard',
          querystring: z.object({
            code: z.string().max(512).optional(),
            state: z.string().max(256).optional(),
            usage_point_id: z.string().max(2000).optional(),
            error: z.string().max(200).optional(),
            error_description: z.string().max(2000).optional(),
          }),
        },
      },
      async (request, reply) => {
        const user = await authenticate(request);
        const outcome = await deps.consent.callback(user, request.query, clientIp(request));
        if (outcome.kind === 'login') {
          // Not logged in on this browser: log in first, then come back to finish (the state is kept).
          const back = request.url;
          return reply.redirect(`${deps.frontendUrl}/login?redirect=${encodeURIComponent(back)}`, 302);
        }
        return reply.redirect(`${deps.frontendUrl}/dashboard?${new URLSearchParams(outcome.params).toString()}`, 302);
      },
    );
  };
}
