import {
  adminSharingResponseSchema,
  clientCredentialsSchema,
  credentialsResponseSchema,
  deleteAccountRequestSchema,
  emailRequestSchema,
  loginRequestSchema,
  loginResponseSchema,
  meResponseSchema,
  messageSchema,
  resetPasswordRequestSchema,
  signupRequestSchema,
  signupResponseSchema,
  updatePasswordRequestSchema,
  usageStatsResponseSchema,
} from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { currentUser, presentedTokens } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { security } from '../../http/openapi.ts';
import { clearSessionCookie, clientIp, envelope, setSessionCookie } from '../../http/route-helpers.ts';
import { createAccountsService } from './accounts.service.ts';
import { createProfileService } from './profile.service.ts';
import { createSessionsService } from './sessions.service.ts';
import { registerTokenRoute } from './token.route.ts';

const tags = ['accounts'];
/** OpenAPI: protected routes accept the session cookie, a JWT bearer, client credentials, or the client secret. */

export function accountsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const accounts = createAccountsService(deps);
    const profile = createProfileService(deps);
    const sessions = createSessionsService(deps);
    const { guard } = deps.guard;

    app.post(
      '/signup',
      {
        schema: {
          tags,
          summary:
            'Create an account; returns client_id and client_secret once, and signs in (session cookie) unless e-mail confirmation is required',
          body: signupRequestSchema,
          response: { 201: envelope(signupResponseSchema), 202: envelope(messageSchema) },
        },
      },
      async (request, reply) => {
        const outcome = await accounts.signup(request.body, clientIp(request));
        if (!outcome.created) {
          // The address already has an account: its owner gets a mail, the caller learns nothing more.
          void reply.status(202);
          return ok({ message: 'Si cette adresse peut être utilisée, un e-mail vient de vous être envoyé.' });
        }
        void reply.status(201);
        if (outcome.sessionToken !== null) {
          setSessionCookie(reply, request, deps.config, outcome.sessionToken);
        }
        return ok({
          ...outcome.credentials,
          message: 'Compte créé. Conservez votre client_secret : il ne sera plus jamais affiché.',
          signed_in: outcome.sessionToken !== null,
        });
      },
    );

    app.post(
      '/login',
      {
        schema: {
          tags,
          summary: 'Log in; sets the httpOnly session cookie and returns a bearer token',
          body: loginRequestSchema,
          response: { 200: envelope(loginResponseSchema) },
        },
      },
      async (request, reply) => {
        const { token } = await accounts.login(request.body.email, request.body.password, clientIp(request));
        setSessionCookie(reply, request, deps.config, token);
        return ok({
          message: 'Connexion réussie.',
          access_token: token,
          token_type: 'bearer' as const,
          expires_in: deps.jwt.expiresInSeconds,
        });
      },
    );

    await registerTokenRoute(app, accounts, deps);

    app.post(
      '/logout',
      {
        schema: {
          tags,
          summary:
            'Sign out: revokes the session cookie and Bearer JWT presented (other sessions stay), clears the cookie',
          response: { 200: envelope(messageSchema) },
        },
      },
      async (request, reply) => {
        // Clearing the cookie alone would leave the token valid until it expires, for whoever copied it.
        await sessions.logout(presentedTokens(request));
        clearSessionCookie(reply);
        return ok({ message: 'Déconnecté.' });
      },
    );

    app.get(
      '/me',
      {
        onRequest: guard({ allowUnverified: true }),
        schema: { tags, security, summary: 'Current account', response: { 200: envelope(meResponseSchema) } },
      },
      async (request) => ok(profile.me(currentUser(request))),
    );

    app.delete(
      '/me',
      {
        onRequest: guard({ writes: true, allowUnverified: true }),
        schema: {
          tags,
          security,
          summary:
            'Delete the account, its meters and cached data: the password, or no body from a session logged in ≤ 15 min ago',
          description:
            'A wrong password answers 403 INVALID_PASSWORD; no password from an older session or an API credential answers 403 REAUTHENTICATION_REQUIRED.',
          body: deleteAccountRequestSchema,
          response: { 200: envelope(messageSchema) },
        },
      },
      async (request, reply) => {
        await profile.deleteAccount(currentUser(request), request.body?.password, clientIp(request));
        clearSessionCookie(reply);
        return ok({ message: 'Compte supprimé.' });
      },
    );

    app.get(
      '/credentials',
      {
        onRequest: guard(),
        schema: {
          tags,
          security,
          summary: 'The account client_id (the secret is never shown again)',
          response: { 200: envelope(credentialsResponseSchema) },
        },
      },
      async (request) => ok({ client_id: currentUser(request).row.client_id }),
    );

    app.post(
      '/regenerate-secret',
      {
        onRequest: guard({ writes: true }),
        schema: {
          tags,
          security,
          summary: 'Rotate the client secret (old one and old tokens stop working; a cookie session gets a new cookie)',
          response: { 200: envelope(clientCredentialsSchema) },
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        const { credentials, sessionToken } = await profile.regenerateSecret(user, clientIp(request));
        // Every other session is revoked; the browser asking keeps one (as after login) to show the secret.
        if (user.method === 'cookie') {
          setSessionCookie(reply, request, deps.config, sessionToken);
        } else {
          clearSessionCookie(reply);
        }
        return ok(credentials);
      },
    );

    app.get(
      '/verify-email',
      {
        schema: {
          tags,
          summary: 'Confirm an email address',
          querystring: z.strictObject({ token: z.string().min(1).max(512) }),
          response: { 200: envelope(messageSchema) },
        },
      },
      async (request) => {
        await accounts.verifyEmail(request.query.token);
        return ok({ message: 'Adresse e-mail confirmée.' });
      },
    );

    app.post(
      '/resend-verification',
      {
        schema: {
          tags,
          summary: 'Send the confirmation mail again',
          body: emailRequestSchema,
          response: { 200: envelope(messageSchema) },
        },
      },
      async (request) => {
        await accounts.resendVerification(request.body.email, clientIp(request));
        return ok({ message: 'Si un compte non confirmé existe pour cette adresse, un e-mail a été envoyé.' });
      },
    );

    app.post(
      '/forgot-password',
      {
        schema: {
          tags,
          summary: 'Mail a 1-hour password reset link',
          body: emailRequestSchema,
          response: { 200: envelope(messageSchema) },
        },
      },
      async (request) => {
        await accounts.forgotPassword(request.body.email, clientIp(request));
        return ok({ message: 'Si un compte existe pour cette adresse, un e-mail a été envoyé.' });
      },
    );

    app.post(
      '/reset-password',
      {
        schema: {
          tags,
          summary: 'Set a new password with a reset token',
          body: resetPasswordRequestSchema,
          response: { 200: envelope(messageSchema) },
        },
      },
      async (request) => {
        await accounts.resetPassword(request.body.token, request.body.new_password, clientIp(request));
        return ok({ message: 'Mot de passe modifié. Vous pouvez vous connecter.' });
      },
    );

    app.post(
      '/update-password',
      {
        onRequest: guard({ writes: true }),
        schema: {
          tags,
          security,
          summary: 'Change the password (other sessions are signed out)',
          body: updatePasswordRequestSchema,
          response: { 200: envelope(messageSchema) },
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        const token = await accounts.updatePassword(
          user.id,
          user.row.hashed_password,
          request.body.old_password,
          request.body.new_password,
          clientIp(request),
        );
        if (user.method === 'cookie') {
          setSessionCookie(reply, request, deps.config, token);
        }
        return ok({ message: 'Mot de passe modifié.' });
      },
    );

    app.get(
      '/usage-stats',
      {
        onRequest: guard(),
        schema: {
          tags,
          security,
          summary: "Today's API calls and daily limits (reset at midnight Paris time)",
          response: { 200: envelope(usageStatsResponseSchema) },
        },
      },
      async (request) => ok(await profile.usageStats(currentUser(request))),
    );

    app.post(
      '/toggle-admin-sharing',
      {
        onRequest: guard({ writes: true }),
        schema: {
          tags,
          security,
          summary: 'Allow or stop administrators viewing your data for support',
          response: { 200: envelope(adminSharingResponseSchema) },
        },
      },
      async (request) => ok(await profile.toggleAdminSharing(currentUser(request))),
    );
  };
}
