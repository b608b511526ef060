import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Config } from '../config/config.ts';
import { ACCESS_COOKIE } from './auth.ts';

/** Every way to authenticate, as the OpenAPI `security` of protected routes. */
export const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { oauth2: [] }, { cookie: [] }];

/** OpenAPI generated from the route zod schemas; Swagger UI can authorize with client credentials. */
export async function registerOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'MyElectricalData API',
        version: config.version,
        description:
          'Accédez à vos données Linky (Enedis Data Connect) et aux données RTE. Authentification : cookie de session, jeton JWT, client credentials (`POST /api/accounts/token`) ou `Authorization: Bearer <client_secret>`.',
      },
      servers: [{ url: config.http.backendUrl }],
      components: {
        securitySchemes: {
          oauth2: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/api/accounts/token', scopes: {} } } },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'JWT from login/token, or your client_secret used as an API key',
          },
          cookie: { type: 'apiKey', in: 'cookie', name: ACCESS_COOKIE },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { persistAuthorization: true, docExpansion: 'list' },
    staticCSP: true,
    // Like the app's own CSP: no upgrade-insecure-requests, or the UI's assets fail on plain-http installs.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
