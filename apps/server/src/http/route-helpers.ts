import { envelopeSchema } from '@med/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Config } from '../config/config.ts';
import { ACCESS_COOKIE } from './auth.ts';

/** Response schemas for OpenAPI: the envelope around `data` for the success status. */
export function envelope<T extends z.ZodType>(data: T) {
  return envelopeSchema(data);
}

/** Client IP as Fastify sees it (X-Forwarded-For only when TRUST_PROXY is on). */
export function clientIp(request: FastifyRequest): string {
  return request.ip;
}

/** HttpOnly, SameSite=Lax; Secure when served over https (directly or behind a trusted proxy). */
export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, config: Config, token: string): void {
  void reply.setCookie(ACCESS_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.auth.cookieSecure || request.protocol === 'https',
    path: '/',
    maxAge: config.auth.accessTokenMinutes * 60,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(ACCESS_COOKIE, { path: '/' });
}
