/**
 * `POST /oauth2/v3/token` (client_credentials only) and `POST /oauth2/v3/revoke` (reference §A3).
 */
import type { FastifyInstance } from 'fastify';
import { tokenGuard } from '../api-guard.ts';
import { apiError, sendFailure } from '../errors.ts';
import { callContext, type EmulatorState } from '../state.ts';
import { authenticateClient, readCredentials, readField } from './credentials.ts';

const FORM = 'application/x-www-form-urlencoded';

export function registerTokenRoutes(app: FastifyInstance, state: EmulatorState): void {
  app.post('/oauth2/v3/token', { preHandler: tokenGuard(state) }, async (request, reply) => {
    const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (contentType !== FORM) {
      return sendFailure(
        reply,
        apiError(415, 'invalid_request', 'Le Content-Type doit être application/x-www-form-urlencoded'),
      );
    }
    const client = authenticateClient(state.options.clients, readCredentials(request));
    if (!client) {
      return sendFailure(
        reply,
        apiError(401, 'invalid_client', 'Valid authentication credentials are mandatory to access the resource'),
      );
    }
    callContext(state, request).clientId = client.clientId;

    const grantType = readField(request, 'grant_type');
    if (grantType === undefined) {
      return sendFailure(
        reply,
        apiError(400, 'invalid_request', 'The request is missing a required parameter: grant_type'),
      );
    }
    if (grantType !== 'client_credentials') {
      return sendFailure(
        reply,
        apiError(
          400,
          'unsupported_grant_type',
          'The authorization grant type is not supported by the authorization server',
        ),
      );
    }

    const accessToken = state.tokens.issue(client.clientId, state.options.now(), state.options.tokenLifetimeSeconds);
    // `expires_in` is a string in the Enedis swagger and in real answers.
    return reply.header('cache-control', 'no-store').send({
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: String(state.options.tokenLifetimeSeconds),
      scope: '',
    });
  });

  // Always 200, even for an unknown token (RFC 7009 and the Enedis swagger).
  app.post('/oauth2/v3/revoke', async (request, reply) => {
    const token = readField(request, 'token');
    if (token !== undefined) {
      state.tokens.revoke(token);
    }
    return reply.code(200).send();
  });
}
