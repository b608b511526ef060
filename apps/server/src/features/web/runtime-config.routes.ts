import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';

const runtimeConfigSchema = z.object({
  server_mode: z.boolean(),
  turnstile_site_key: z.string().nullable(),
  demo_enabled: z.boolean(),
  version: z.string(),
});

/** What the SPA needs at start-up; only values that are safe to publish. */
export function runtimeConfigRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/config',
      {
        schema: {
          tags: ['meta'],
          summary: 'Public runtime settings for the web app',
          response: { 200: envelope(runtimeConfigSchema) },
        },
      },
      async () =>
        ok({
          server_mode: deps.config.serverMode,
          turnstile_site_key: deps.config.captcha.required ? (deps.config.captcha.siteKey ?? null) : null,
          demo_enabled: deps.config.demoEnabled,
          version: deps.config.version,
        }),
    );
  };
}
