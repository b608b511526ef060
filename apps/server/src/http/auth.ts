import { ErrorCode } from '@med/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, UserRow } from '../db/database.ts';
import { toBool } from '../db/database.ts';
import { lookupHash, sameHash } from '../security/client-credentials.ts';
import type { JwtService } from '../security/jwt.ts';
import type { ServerKeys } from '../security/keys.ts';
import { findUserUnlessRevoked } from '../features/accounts/sessions.repository.ts';
import { loadRole, type RoleWithPermissions } from '../features/roles/roles.repository.ts';
import type { PermissionName } from '../features/roles/roles.catalog.ts';
import { AppError, forbidden, unauthorized } from './app-error.ts';

export const ACCESS_COOKIE = 'access_token';
export const DEMO_EMAIL = 'demo@myelectricaldata.fr';

/** The authenticated caller, resolved once per request. Services take it as their first argument. */
export interface AuthUser {
  id: string;
  email: string;
  role: RoleWithPermissions;
  permissions: ReadonlySet<string>;
  isAdmin: boolean;
  isDemo: boolean;
  emailVerified: boolean;
  tokenVersion: number;
  method: 'cookie' | 'jwt' | 'client_secret';
  row: UserRow;
}

declare module 'fastify' {
  interface FastifyRequest {
    authUser: AuthUser | null | undefined;
  }
}

export interface AuthDeps {
  db: Db;
  jwt: JwtService;
  keys: ServerKeys;
  requireEmailVerification: boolean;
}

/** Reads a bearer credential: a JWT of ours, or the account's client secret used as an API key. */
function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) {
    return undefined;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** Looks like a JWT (three dot-separated parts) rather than a client secret used as an API key. */
function isJwtShaped(token: string): boolean {
  return token.split('.').length === 3;
}

/** The access tokens (JWTs) a request carries: its session cookie and a Bearer JWT. Logout revokes them. */
export function presentedTokens(request: FastifyRequest): string[] {
  const bearer = bearerToken(request);
  return [request.cookies[ACCESS_COOKIE], bearer !== undefined && isJwtShaped(bearer) ? bearer : undefined].filter(
    (token): token is string => token !== undefined && token !== '',
  );
}

async function resolveUser(deps: AuthDeps, request: FastifyRequest): Promise<AuthUser | null> {
  const cookie = request.cookies[ACCESS_COOKIE];
  if (cookie) {
    const user = await userFromJwt(deps, cookie, 'cookie');
    if (user) {
      return user;
    }
  }
  const bearer = bearerToken(request);
  if (!bearer) {
    return null;
  }
  return isJwtShaped(bearer) ? userFromJwt(deps, bearer, 'jwt') : userFromClientSecret(deps, bearer);
}

async function userFromJwt(deps: AuthDeps, token: string, method: 'cookie' | 'jwt'): Promise<AuthUser | null> {
  const claims = await deps.jwt.verify(token);
  if (!claims) {
    return null;
  }
  // A revoked token (logout) finds no user; a bumped token_version (password change, secret rotation)
  // invalidates every older token.
  const row = await findUserUnlessRevoked(deps.db, claims.userId, claims.tokenId);
  if (!row || row.token_version !== claims.tokenVersion) {
    return null;
  }
  return toAuthUser(deps.db, row, method);
}

/** API key: indexed lookup by a keyed hash, then a constant-time comparison (no scan of all users). */
async function userFromClientSecret(deps: AuthDeps, secret: string): Promise<AuthUser | null> {
  if (secret.length > 256) {
    return null;
  }
  const hash = lookupHash(deps.keys, secret);
  const row = await deps.db.selectFrom('users').selectAll().where('client_secret_hash', '=', hash).executeTakeFirst();
  if (!row || !sameHash(row.client_secret_hash, hash)) {
    return null;
  }
  return toAuthUser(deps.db, row, 'client_secret');
}

async function toAuthUser(db: Db, row: UserRow, method: AuthUser['method']): Promise<AuthUser> {
  const role = await loadRole(db, row.role_id);
  return {
    id: row.id,
    email: row.email,
    role,
    permissions: new Set(role.permissions.map((permission) => permission.name)),
    isAdmin: role.name === 'admin',
    isDemo: row.email === DEMO_EMAIL,
    emailVerified: toBool(row.email_verified),
    tokenVersion: row.token_version,
    method,
    row,
  };
}

export interface GuardOptions {
  /** Permission required (checked against the user's role; admins hold every permission). */
  permission?: PermissionName;
  /** The route changes data: the read-only demo account is refused. */
  writes?: boolean;
  /** Routes a not-yet-verified user may still call (me, logout, resend). */
  allowUnverified?: boolean;
}

/**
 * The single authorization helper used by every protected route:
 * authenticate → active → email verified → not demo for writes → permission.
 */
export function createGuard(deps: AuthDeps) {
  const authenticate = async (request: FastifyRequest): Promise<AuthUser | null> => {
    if (request.authUser === undefined) {
      request.authUser = await resolveUser(deps, request);
    }
    return request.authUser;
  };
  const guard = (options: GuardOptions = {}) =>
    async function guardHandler(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
      const user = await authenticate(request);
      if (!user) {
        throw unauthorized();
      }
      if (!toBool(user.row.is_active)) {
        throw forbidden('Ce compte est désactivé.', ErrorCode.USER_INACTIVE);
      }
      if (deps.requireEmailVerification && !user.emailVerified && !options.allowUnverified) {
        throw forbidden('Confirmez votre adresse e-mail pour continuer.', ErrorCode.EMAIL_NOT_VERIFIED);
      }
      if (options.writes && user.isDemo) {
        throw forbidden('Le compte de démonstration est en lecture seule.', ErrorCode.DEMO_READ_ONLY);
      }
      if (options.permission && !user.permissions.has(options.permission)) {
        throw forbidden();
      }
    };
  return { guard, authenticate };
}
export type Guard = ReturnType<typeof createGuard>;

/** The caller of a guarded route; a route without a guard calling this is a programming error. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.authUser) {
    throw new AppError(401, ErrorCode.UNAUTHORIZED, 'Authentification requise.');
  }
  return request.authUser;
}
