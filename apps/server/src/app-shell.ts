import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { ErrorCode } from '@med/contracts';
import type { Config } from './config/config.ts';
import { registerHealthRoutes, type HealthDeps } from './features/health/health.routes.ts';
import { isSpaRoute, registerWebApp } from './features/web/static.ts';
import { clientErrorHandler } from './http/client-error.ts';
import { registerCompression } from './http/compression.ts';
import { failure } from './http/envelope.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { registerInputGuard } from './http/input-guard.ts';
import { registerStrictJsonParser } from './http/json-body.ts';
import { registerOpenApi } from './http/openapi.ts';

/**
 * What both modes share: the Fastify instance with its parsers and validators, then (registerCommonPlugins)
 * security headers, CORS, cookies, response compression, the input guard, OpenAPI, the error handler and
 * health routes, and last (registerWebAndNotFound) the SPA and the 404 envelope.
 */
export function createAppShell(config: Config, logger: FastifyBaseLogger): FastifyInstance {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.http.bodyLimit,
    trustProxy: config.http.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // Requests Node's HTTP parser refuses (oversized headers: 431) never reach Fastify's hooks.
    clientErrorHandler,
    // Router-level failures (undecodable URL) bypass setErrorHandler; answer them with the envelope too.
    frameworkErrors: (error, _request, reply) => {
      const raw: FastifyReply = reply;
      void raw.status(400).send(
        failure({
          code: ErrorCode.VALIDATION_ERROR,
          message: error.code === 'FST_ERR_BAD_URL' ? 'URL invalide.' : 'Requête invalide.',
        }),
      );
    },
  });
  // Only JSON (and forms, where a route registers them) are accepted: text/plain would reach the schemas as a string.
  app.removeContentTypeParser('text/plain');
  registerStrictJsonParser(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('authUser', undefined);
  return app;
}

export async function registerCommonPlugins(
  app: FastifyInstance,
  deps: HealthDeps & { config: Config },
): Promise<void> {
  const { config } = deps;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", 'https://challenges.cloudflare.com'],
        frameSrc: ["'self'", 'https://challenges.cloudflare.com'],
        // ECharts and the theme switch set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.auth.cookieSecure,
  });
  await app.register(cors, {
    origin: [...new Set([config.http.frontendUrl, config.http.backendUrl])],
    credentials: true,
    // @fastify/cors only allows GET, HEAD and POST by default; the API also uses PATCH and DELETE.
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  });
  await app.register(cookie);
  // Before every route: its onSend hook must wrap the API answers and the static files alike.
  await registerCompression(app);
  // After the cookie parser (it checks decoded cookies too), before every route.
  registerInputGuard(app);
  await registerOpenApi(app, config);
  registerErrorHandling(app);
  registerHealthRoutes(app, deps);
}

export async function registerWebAndNotFound(app: FastifyInstance, webDistDir: string): Promise<void> {
  const webServed = await registerWebApp(app, webDistDir);
  app.setNotFoundHandler(async (request, reply) => {
    if (webServed && isSpaRoute(request.url, request.method)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    void reply.status(404);
    return failure({
      code: ErrorCode.ROUTE_NOT_FOUND,
      message: `Route inconnue : ${request.method} ${request.url.split('?')[0] ?? ''}`,
    });
  });
}
