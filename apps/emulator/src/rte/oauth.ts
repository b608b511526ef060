/**
 * RTE OAuth2 (client_credentials) and the bearer check of data calls (enedis-rte-reference §B1).
 *
 * `POST /token/oauth/` (also without the trailing slash) takes `Authorization: Basic
 * base64(client_id:client_secret)`, or `client_id`/`client_secret` form fields as MED's docs show;
 * `grant_type=client_credentials` is optional. Answer: `{"access_token","token_type":"Bearer","expires_in":7200}`.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rteErrorBody, sendRteError } from './errors.ts';
import type { RteApi } from './options.ts';
import type { RteRuntime } from './runtime.ts';

export const TOKEN_PATHS = ['/token/oauth/', '/token/oauth'] as const;

declare module 'fastify' {
  interface FastifyRequest {
    /** client_id of the bearer token of an RTE data call (set by the bearer guard). */
    rteClientId: string;
  }
}

interface PresentedCredentials {
  clientId: string;
  clientSecret: string;
}

function credentialsFrom(request: FastifyRequest): PresentedCredentials | null {
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? null : { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
  }
  const body = (request.body ?? {}) as Record<string, unknown>;
  if (typeof body.client_id === 'string' && typeof body.client_secret === 'string') {
    return { clientId: body.client_id, clientSecret: body.client_secret };
  }
  return null;
}

/** Registers the token endpoint in its own scope (it tolerates an empty JSON body, as RTE does). */
export async function oauthRoutes(app: FastifyInstance, opts: { runtime: RteRuntime }): Promise<void> {
  const { runtime } = opts;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body.trim() : body.toString('utf8').trim();
    if (text === '') {
      return done(null, {});
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(null, {});
    }
  });

  const issueToken = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.grant_type !== undefined && body.grant_type !== 'client_credentials') {
      return sendRteError(reply, 400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
    }
    const presented = credentialsFrom(request);
    const client = runtime
      .clients()
      .find((c) => c.clientId === presented?.clientId && c.clientSecret === presented.clientSecret);
    if (!client) {
      return reply
        .code(401)
        .header('www-authenticate', 'Basic realm="RTE"')
        .send(rteErrorBody('invalid_client', 'Client authentication failed: unknown client or bad secret.'));
    }
    const accessToken = randomBytes(39).toString('base64url');
    const ttl = runtime.options.tokenTtlSeconds;
    runtime.tokens.set(accessToken, { clientId: client.clientId, expiresAtMs: runtime.now().getTime() + ttl * 1000 });
    return reply
      .header('cache-control', 'no-store')
      .send({ access_token: accessToken, token_type: 'Bearer', expires_in: ttl });
  };

  for (const url of TOKEN_PATHS) {
    app.post(url, issueToken);
  }
}

/**
 * preHandler of a data route: a valid, unexpired bearer token of an application subscribed to `api`.
 * RTE's exact 401 body is not documented; we send the common error shape with `invalid_token`.
 */
export function bearerGuard(runtime: RteRuntime, api: RteApi) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer === undefined ? undefined : runtime.tokens.get(bearer);
    if (!token) {
      const description = bearer === undefined ? 'Missing access token.' : 'Invalid access token.';
      return sendUnauthorized(reply, description);
    }
    if (runtime.now().getTime() >= token.expiresAtMs) {
      return sendUnauthorized(reply, 'The access token has expired.');
    }
    const client = runtime.clients().find((c) => c.clientId === token.clientId);
    if (client?.subscriptions && !client.subscriptions.includes(api)) {
      return sendRteError(reply, 403, 'ACCESS_DENIED', `The application has no subscription to the ${api} API.`);
    }
    request.rteClientId = token.clientId;
  };
}

function sendUnauthorized(reply: FastifyReply, description: string): FastifyReply {
  return reply
    .code(401)
    .header('www-authenticate', 'Bearer error="invalid_token"')
    .send(rteErrorBody('invalid_token', description));
}
