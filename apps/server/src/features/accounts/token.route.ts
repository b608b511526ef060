import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tokenResponseSchema } from '@med/contracts';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import { hasForbiddenCharacters } from '../../http/input-guard.ts';
import { clientIp } from '../../http/route-helpers.ts';
import type { AccountsService } from './accounts.service.ts';

const tokenRequestSchema = z.object({
  grant_type: z.string().max(64).optional(),
  client_id: z.string().max(256).optional(),
  client_secret: z.string().max(256).optional(),
  scope: z.string().max(1024).optional(),
});

const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string() });

/** Credentials from `Authorization: Basic base64(id:secret)` (RFC 6749 §2.3.1), else from the form. */
function clientCredentialsFrom(header: string | undefined, body: z.infer<typeof tokenRequestSchema>) {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (match?.[1]) {
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator > 0) {
      try {
        const id = decodeURIComponent(decoded.slice(0, separator));
        const secret = decodeURIComponent(decoded.slice(separator + 1));
        // Decoded here, after the request-wide character check: `%00` must not reach the user lookup.
        return hasForbiddenCharacters(id) || hasForbiddenCharacters(secret) ? null : { id, secret };
      } catch {
        return null; // malformed percent-encoding: no usable credentials
      }
    }
  }
  return body.client_id && body.client_secret ? { id: body.client_id, secret: body.client_secret } : null;
}

/**
 * `POST /api/accounts/token`: OAuth2 client-credentials grant (form or Basic). Answers the raw OAuth2
 * token response (no envelope), and RFC 6749 error bodies, for compatibility with OAuth2 clients and
 * Swagger UI's "Authorize" dialog.
 */
export async function registerTokenRoute(
  app: FastifyInstance,
  accounts: AccountsService,
  deps: AppDeps,
): Promise<void> {
  await app.register(async (scope) => {
    // Form bodies are parsed only here (OAuth2 clients post forms). Everywhere else only JSON is accepted,
    // so a cross-site HTML form can never reach an API route with the user's cookie.
    await scope.register(formbody);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/token',
      {
        schema: {
          tags: ['accounts'],
          summary: 'OAuth2 client credentials → access token (raw OAuth2 response)',
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          // Nullish: a client authenticating with Basic may send no body at all.
          body: tokenRequestSchema.nullish(),
          response: {
            200: tokenResponseSchema,
            400: oauthErrorSchema,
            401: oauthErrorSchema,
            403: oauthErrorSchema,
            413: oauthErrorSchema,
            415: oauthErrorSchema,
            429: oauthErrorSchema,
            500: oauthErrorSchema,
          },
        },
        errorHandler: (error, request, reply) => {
          const clientStatus = error instanceof AppError ? error.status : error.statusCode;
          if (clientStatus === undefined || clientStatus >= 500) {
            // Unexpected failure (database down…): a 500 that hides internal details, like every other route.
            request.log.error({ err: error }, 'unhandled error');
            void reply
              .status(500)
              .send({ error: 'server_error', error_description: 'Erreur interne. Réessayez plus tard.' });
            return;
          }
          // HTTP-level refusals (body too large, unsupported media type) keep their status.
          const framework = clientStatus === 413 || clientStatus === 415 ? clientStatus : undefined;
          const status = (
            error instanceof AppError && [401, 403, 429].includes(error.status) ? error.status : (framework ?? 400)
          ) as 400 | 401 | 403 | 413 | 415 | 429;
          const code =
            status === 401
              ? 'invalid_client'
              : status === 429
                ? 'slow_down'
                : status === 403
                  ? 'unauthorized_client'
                  : 'invalid_request';
          const headers = error instanceof AppError ? error.headers : {};
          void reply.status(status).headers(headers).send({ error: code, error_description: error.message });
        },
      },
      async (request, reply) => {
        const body = request.body ?? {};
        if (body.grant_type !== undefined && body.grant_type !== 'client_credentials') {
          return reply.status(400).send({
            error: 'unsupported_grant_type',
            error_description: 'Only grant_type=client_credentials is supported.',
          });
        }
        const credentials = clientCredentialsFrom(request.headers.authorization, body);
        if (!credentials) {
          return reply.status(401).send({
            error: 'invalid_client',
            error_description: 'client_id and client_secret are required (form fields or Basic auth).',
          });
        }
        const accessToken = await accounts.tokenForClient(credentials.id, credentials.secret, clientIp(request));
        void reply.header('cache-control', 'no-store');
        return { access_token: accessToken, token_type: 'bearer' as const, expires_in: deps.jwt.expiresInSeconds };
      },
    );
  });
}
