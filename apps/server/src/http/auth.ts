import { ErrorCode, type PermissionName, type Role } from '@med/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserRow } from '../db/database.ts';
import { toBool } from '../db/database.ts';
import { lookupHash, sameHash } from '../security/client-credentials.ts';
import type { JwtService } from '../security/jwt.ts';
import type { ServerKeys } from '../security/keys.ts';
import { AppError, forbidden, unauthorized } from './app-error.ts';

export const ACCESS_COOKIE = 'access_token';
export const DEMO_EMAIL = 'demo@myelectricaldata.fr';

/** The authenticated caller, resolved once per request. Services take it as their first argument. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  permissions: ReadonlySet<string>;
  isAdmin: boolean;
  isDemo: boolean;
  emailVerified: boolean;
  tokenVersion: number;
  method: 'cookie' | 'jwt' | 'client_secret';
  /** When this session last proved the password (the token's `auth_time`); null for an API key. */
  authTime: Date | null;
  row: UserRow;
  /** Set when an administrator reads this user's shared data (`X-Impersonate-User-Id`): who reads. */
  impersonatedBy?: { id: string; email: string };
}

declare module 'fastify' {
  interface FastifyRequest {
    authUser: AuthUser | null | undefined;
  }
}

/**
 * How the guard finds users and their permissions. Injected at app level (the accounts and roles
 * features own these tables; http never imports a feature).
 */
export interface AuthLookups {
  /** The user a JWT names, unless that token was revoked (logout). */
  userByToken(userId: string, tokenId: string): Promise<UserRow | undefined>;
  /** The user whose client secret has this lookup hash (API key). */
  userByClientSecretHash(hash: string): Promise<UserRow | undefined>;
  /** The role with its permissions; no role (or an unknown one) means visitor. */
  roleOf(roleId: string | null): Promise<Role>;
}

/** Data sharing: how the guard checks an `X-Impersonate-User-Id` target and records the read. */
export interface SharedDataAccess {
  /** The named account, read on every request: sharing turned off stops the very next read. */
  sharedUser(userId: string): Promise<UserRow | undefined>;
  /** One read in the owner's audit trail (before the data is served). */
  recordRead(read: {
    ownerId: string;
    readerId: string;
    readerEmail: string;
    route: string;
    usagePointId: string | null;
  }): Promise<void>;
}

export const IMPERSONATE_HEADER = 'x-impersonate-user-id';
const PRM_PARAM = /^\d{14}$/;

export interface AuthDeps {
  lookups: AuthLookups;
  /** Without it, the impersonation header is refused everywhere. */
  sharing?: SharedDataAccess;
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
  const row = await deps.lookups.userByToken(claims.userId, claims.tokenId);
  if (!row || row.token_version !== claims.tokenVersion) {
    return null;
  }
  return toAuthUser(deps.lookups, row, method, claims.authTime);
}

/** API key: indexed lookup by a keyed hash, then a constant-time comparison (no scan of all users). */
async function userFromClientSecret(deps: AuthDeps, secret: string): Promise<AuthUser | null> {
  if (secret.length > 256) {
    return null;
  }
  const hash = lookupHash(deps.keys, secret);
  const row = await deps.lookups.userByClientSecretHash(hash);
  if (!row || !sameHash(row.client_secret_hash, hash)) {
    return null;
  }
  return toAuthUser(deps.lookups, row, 'client_secret', null);
}

async function toAuthUser(
  lookups: AuthLookups,
  row: UserRow,
  method: AuthUser['method'],
  authTime: Date | null,
): Promise<AuthUser> {
  const role = await lookups.roleOf(row.role_id);
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
    authTime,
    row,
  };
}

export interface GuardOptions {
  /** The route changes data: the read-only demo account is refused. */
  writes?: boolean;
  /** Routes a not-yet-verified user may still call (me, logout, resend). */
  allowUnverified?: boolean;
  /**
   * A read of meter data that an administrator holding `users` may make as a user who shares their data
   * (`X-Impersonate-User-Id`, upstream §1.2). Never combined with `writes`.
   */
  impersonable?: boolean;
}

/**
 * The single authorization helper used by every protected route:
 * authenticate → active → email verified → not demo for writes; `requirePermission` adds → permission.
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
      const target = request.headers[IMPERSONATE_HEADER];
      if (target !== undefined) {
        request.authUser = await impersonate(request, user, options, target);
      }
    };

  /**
   * The caller becomes, for this request only, the user who shares their data: ownership, consent and
   * cache key are then that user's. Checked on every request against the database, so turning sharing
   * off (or deleting or deactivating the account) stops the next read on every instance.
   */
  async function impersonate(
    request: FastifyRequest,
    reader: AuthUser,
    options: GuardOptions,
    target: string | string[],
  ): Promise<AuthUser> {
    if (!options.impersonable || options.writes || !deps.sharing) {
      throw forbidden(
        'Les données partagées se consultent en lecture seule, sur les routes de données uniquement.',
        ErrorCode.IMPERSONATION_NOT_ALLOWED,
      );
    }
    if (!reader.permissions.has('users')) {
      throw forbidden('Permission requise : users.');
    }
    const row = typeof target === 'string' && target.length <= 64 ? await deps.sharing.sharedUser(target) : undefined;
    if (!row || !toBool(row.admin_data_sharing) || !toBool(row.is_active) || row.id === reader.id) {
      throw forbidden(
        'Cet utilisateur ne partage pas ses données avec les administrateurs.',
        ErrorCode.DATA_SHARING_DISABLED,
      );
    }
    const params = (request.params ?? {}) as Record<string, unknown>;
    const prm = Object.values(params).find(
      (value): value is string => typeof value === 'string' && PRM_PARAM.test(value),
    );
    await deps.sharing.recordRead({
      ownerId: row.id,
      readerId: reader.id,
      readerEmail: reader.email,
      route: request.routeOptions.url ?? request.url,
      usagePointId: prm ?? null,
    });
    const owner = await toAuthUser(deps.lookups, row, reader.method, reader.authTime);
    return { ...owner, impersonatedBy: { id: reader.id, email: reader.email } };
  }
  /**
   * The one permission check of the admin console: `guard(options)`, then the caller's role must hold
   * `permission` (a seeded permission name, upstream §1.3). ADMIN_EMAILS grants nothing here directly: it
   * gives verified addresses the admin role, which holds every permission.
   */
  const requirePermission = (permission: PermissionName, options: GuardOptions = {}) => {
    const base = guard(options);
    const handler = async function permissionHandler(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      await base(request, reply);
      if (!currentUser(request).permissions.has(permission)) {
        throw forbidden(`Permission requise : ${permission}.`);
      }
    };
    return Object.assign(handler, { [REQUIRED_PERMISSION]: permission });
  };
  return { guard, requirePermission, authenticate };
}
export type Guard = ReturnType<typeof createGuard>;

const REQUIRED_PERMISSION = Symbol('requiredPermission');

/** A route behind `requirePermission`, as the permission index lists it. */
export interface PermissionRoute {
  method: string;
  url: string;
  permission: PermissionName;
}

function requiredPermission(hooks: unknown): PermissionName | undefined {
  for (const hook of Array.isArray(hooks) ? hooks : [hooks]) {
    if (typeof hook === 'function' && REQUIRED_PERMISSION in hook) {
      return (hook as { [REQUIRED_PERMISSION]: PermissionName })[REQUIRED_PERMISSION];
    }
  }
  return undefined;
}

/**
 * Indexes every route registered after this call that sits behind `requirePermission`, and says which
 * permission it needs in its OpenAPI description. The admin console's permission-table test reads the
 * index, so a new admin route cannot go untested.
 */
export function indexPermissionRoutes(app: FastifyInstance): readonly PermissionRoute[] {
  const routes: PermissionRoute[] = [];
  app.addHook('onRoute', (route) => {
    const permission = requiredPermission(route.onRequest);
    if (permission === undefined || route.method === 'HEAD') {
      return;
    }
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      routes.push({ method, url: route.url, permission });
    }
    if (route.schema) {
      const note = `Permission : \`${permission}\`.`;
      route.schema = {
        ...route.schema,
        description: route.schema.description ? `${route.schema.description}\n\n${note}` : note,
      };
    }
  });
  return routes;
}

/** The caller of a guarded route; a route without a guard calling this is a programming error. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.authUser) {
    throw new AppError(401, ErrorCode.UNAUTHORIZED, 'Authentification requise.');
  }
  return request.authUser;
}
