import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@med/contracts';
import { AppError, forbidden } from './app-error.ts';
import { clientIp } from './route-helpers.ts';
import type { Throttle } from './throttle.ts';

/** Liveness and readiness stay open: a container runtime or Home Assistant checks them without the password. */
const OPEN_PATHS = new Set(['/ping', '/api/ping', '/ready']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const REALM = 'Basic realm="MyElectricalData", charset="UTF-8"';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** The password a request presents: HTTP Basic (any user name; what a browser prompts for) or Bearer. */
function presentedPassword(header: string | undefined): string | null {
  if (!header) {
    return null;
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer?.[1]) {
    return bearer[1];
  }
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    return separator >= 0 ? decoded.slice(separator + 1) : null;
  }
  return null;
}

/**
 * Client mode's LOCAL_PASSWORD: every page and API call needs it, as HTTP Basic (browsers prompt for it
 * and resend it) or `Authorization: Bearer <password>` (Home Assistant, scripts). Failed attempts are
 * throttled per IP. Because browsers resend Basic credentials on their own, a state-changing request a
 * browser marks cross-site is refused, so another site cannot drive the local API.
 */
export function registerLocalPassword(
  app: FastifyInstance,
  options: { password: string; throttle: Throttle; maxFailuresPerIp: number },
): void {
  const expected = digest(options.password);
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (OPEN_PATHS.has(path)) {
      return;
    }
    const throttleKey = `local-password:${clientIp(request)}`;
    await options.throttle.check(throttleKey, options.maxFailuresPerIp);
    const presented = presentedPassword(request.headers.authorization);
    if (presented === null || !timingSafeEqual(digest(presented), expected)) {
      if (presented !== null) {
        await options.throttle.hit(throttleKey, options.maxFailuresPerIp);
      }
      throw new AppError(401, ErrorCode.UNAUTHORIZED, 'Mot de passe local requis (LOCAL_PASSWORD).', {
        headers: { 'www-authenticate': REALM },
      });
    }
    if (!SAFE_METHODS.has(request.method) && request.headers['sec-fetch-site'] === 'cross-site') {
      throw forbidden('Requête d’un autre site refusée.', ErrorCode.FORBIDDEN);
    }
  });
}
