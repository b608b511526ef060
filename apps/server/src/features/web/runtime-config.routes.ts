import { runtimeConfigSchema } from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config/config.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';

/** What the SPA needs at start-up; only values that are safe to publish. */
export function runtimeConfigRoutes(deps: { config: Config }): FastifyPluginAsyncZod {
  const { config } = deps;
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
          server_mode: config.serverMode,
          turnstile_site_key: config.captcha.required ? (config.captcha.siteKey ?? null) : null,
          demo_enabled: config.demoEnabled,
          version: config.version,
          // An emulator at ENEDIS_BASE_URL / RTE_BASE_URL simulates as much as the embedded one. A local
          // client calls neither: its data comes from the gateway, whatever that gateway reads.
          simulated_data: {
            enedis: config.serverMode && config.enedis.environment === 'emulator',
            rte: config.serverMode && config.rte.useEmulator,
          },
        }),
    );
  };
}
