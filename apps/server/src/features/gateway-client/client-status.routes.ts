import { clientStatusSchema } from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import type { GatewayConnection } from './gateway-connection.ts';

/** `GET /api/client/status`: the gateway link as the connection monitor sees it. */
export function clientStatusRoutes(deps: { connection: GatewayConnection; apiUrl: string }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/status',
      {
        schema: {
          tags: ['client'],
          summary: 'Client mode: the link to the gateway (connected, or exactly what is wrong)',
          response: { 200: envelope(clientStatusSchema) },
        },
      },
      async () => {
        const status = deps.connection.status();
        return ok({
          mode: 'client' as const,
          gateway: {
            url: deps.apiUrl,
            state: status.state,
            message: status.message,
            checked_at: status.checkedAt,
            next_attempt_at: status.nextAttemptAt,
            failures: status.failures,
          },
        });
      },
    );
  };
}
