import { randomUUID } from 'node:crypto';
import { ErrorCode, passwordProblems, type ClientCredentials, type SignupRequest } from '@med/contracts';
import { toBool } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { AppError, forbidden, unprocessable } from '../../http/app-error.ts';
import {
  newClientId,
  newClientSecret,
  protectClientSecret,
  sameHash,
  lookupHash,
} from '../../security/client-credentials.ts';
import { hashPassword, verifyPassword } from '../../security/passwords.ts';
import { hashSingleUseToken } from '../../security/single-use-token.ts';
import { findRoleIdByName, promoteAdminEmails } from '../roles/roles.repository.ts';
import {
  consumeUserToken,
  findUserByClientId,
  findUserByEmail,
  findUserById,
  insertUser,
  logActivity,
  revokeUserTokens,
  updateUser,
  type TokenTable,
} from './users.repository.ts';
import { verifyCaptcha } from './captcha.ts';
import { createPasswordCheck } from './password-check.ts';

/**
 * Mails one address may receive per throttle window from sign-up, resend-verification and
 * forgot-password together. Each of them mails the owner, so without a per-address budget anyone could
 * flood an inbox by spreading requests over many IPs. Counted before the account lookup, so a 429 says
 * nothing about whether the address has an account.
 */
export const MAILS_PER_EMAIL = 5;

export type SignupOutcome =
  | {
      created: true;
      credentials: ClientCredentials;
      /** A session for the new account (the password was just set), or null when e-mail confirmation must come first. */
      sessionToken: string | null;
    }
  | { created: false };

export function assertPasswordPolicy(password: string, field: string): void {
  const problems = passwordProblems(password);
  if (problems.length > 0) {
    throw unprocessable(
      ErrorCode.WEAK_PASSWORD,
      'Le mot de passe doit contenir au moins 8 caractères, dont une majuscule, une minuscule et un chiffre.',
      field,
    );
  }
}

/** Sign-up, login, client-credentials tokens and password flows. */
export function createAccountsService(deps: AppDeps) {
  const { db, config, keys, jwt, mailQueue, throttle } = deps;
  const checkPassword = createPasswordCheck(deps);

  async function throttleMailsTo(email: string): Promise<void> {
    await throttle.hit(`mail:email:${email}`, MAILS_PER_EMAIL);
  }

  /** The owner proved the address: from now on an ADMIN_EMAILS address may hold the admin role. */
  async function markEmailVerified(userId: string): Promise<void> {
    await updateUser(db, userId, { email_verified: true });
    const user = await findUserById(db, userId);
    if (user && config.auth.adminEmails.includes(user.email)) {
      await promoteAdminEmails(db, [user.email]);
    }
  }

  async function consumeEmailToken(table: TokenTable, token: string) {
    const row = await consumeUserToken(db, table, hashSingleUseToken(token));
    if (!row) {
      throw new AppError(400, ErrorCode.INVALID_TOKEN, 'Lien invalide ou déjà utilisé.', { field: 'token' });
    }
    if (Date.parse(row.expires_at) < Date.now()) {
      throw new AppError(400, ErrorCode.TOKEN_EXPIRED, 'Ce lien a expiré. Demandez-en un nouveau.', { field: 'token' });
    }
    return row;
  }

  return {
    /** New email → account + credentials (shown once). Known email → no account, the owner gets a mail. */
    async signup(request: SignupRequest & { email: string }, ip: string): Promise<SignupOutcome> {
      await throttle.hit(`signup:ip:${ip}`, config.throttle.signupPerIp);
      if (config.captcha.required && config.captcha.secretKey) {
        await verifyCaptcha(
          { verifyUrl: config.captcha.verifyUrl, secretKey: config.captcha.secretKey },
          request.turnstile_token,
          ip,
        );
      }
      assertPasswordPolicy(request.password, 'password');
      await throttleMailsTo(request.email);
      const existing = await findUserByEmail(db, request.email);
      if (existing) {
        await mailQueue.enqueue({ kind: 'existing-account', email: existing.email });
        await logActivity(db, { user_id: existing.id, action: 'signup_existing_email', ip });
        return { created: false };
      }
      const id = randomUUID();
      const clientId = newClientId();
      const clientSecret = newClientSecret();
      const now = new Date().toISOString();
      try {
        await insertUser(db, {
          id,
          email: request.email,
          hashed_password: await hashPassword(request.password),
          client_id: clientId,
          ...protectClientSecret(keys, id, clientSecret),
          is_active: true,
          email_verified: false,
          debug_mode: false,
          admin_data_sharing: false,
          admin_data_sharing_enabled_at: null,
          // Even an ADMIN_EMAILS address starts as a visitor: anyone can type it, only its owner can
          // follow the mailed link (see markEmailVerified).
          role_id: await findRoleIdByName(db, 'visitor'),
          created_at: now,
          updated_at: now,
        });
      } catch (error) {
        // Two concurrent sign-ups with one email: the unique index lets exactly one through.
        if (await findUserByEmail(db, request.email)) {
          return { created: false };
        }
        throw error;
      }
      await logActivity(db, { user_id: id, action: 'signup', ip });
      // Sent whether or not REQUIRE_EMAIL_VERIFICATION is on: following it is also what makes an
      // ADMIN_EMAILS address admin. The account exists and its secret is about to be shown once: even a
      // failure to queue the mail must not turn this into an error (the user can ask for it again).
      await mailQueue
        .enqueue({ kind: 'verification', userId: id })
        .catch((error: unknown) => deps.log.error({ err: error }, 'verification mail not queued'));
      // Signed in at once, as after a login, unless REQUIRE_EMAIL_VERIFICATION refuses logins before the link.
      const sessionToken = config.auth.requireEmailVerification
        ? null
        : await jwt.sign({ userId: id, tokenVersion: 0, authTime: new Date() });
      return { created: true, credentials: { client_id: clientId, client_secret: clientSecret }, sessionToken };
    },

    async login(email: string, password: string, ip: string): Promise<{ token: string; userId: string }> {
      await throttle.hit(`login:ip:${ip}`, config.throttle.loginPerIp);
      const emailThrottle = `login:email:${email}`;
      await throttle.check(emailThrottle, config.throttle.loginPerEmail);
      const user = await findUserByEmail(db, email);
      const valid = await verifyPassword(user?.hashed_password ?? null, password);
      if (!user || !valid) {
        await throttle.hit(emailThrottle, config.throttle.loginPerEmail + 1);
        await logActivity(db, { user_id: user?.id ?? null, action: 'login_failed', ip });
        throw new AppError(401, ErrorCode.INVALID_CREDENTIALS, 'E-mail ou mot de passe incorrect.');
      }
      if (!toBool(user.is_active)) {
        throw forbidden('Ce compte est désactivé.', ErrorCode.USER_INACTIVE);
      }
      if (config.auth.requireEmailVerification && !toBool(user.email_verified)) {
        throw forbidden('Confirmez votre adresse e-mail avant de vous connecter.', ErrorCode.EMAIL_NOT_VERIFIED);
      }
      await throttle.reset(emailThrottle);
      await logActivity(db, { user_id: user.id, action: 'login', ip });
      return {
        token: await jwt.sign({ userId: user.id, tokenVersion: user.token_version, authTime: new Date() }),
        userId: user.id,
      };
    },

    /** OAuth2 client-credentials grant: the account's client id and secret give a JWT. */
    async tokenForClient(clientId: string, clientSecret: string, ip: string): Promise<string> {
      await throttle.hit(`token:ip:${ip}`, config.throttle.loginPerIp);
      const user = await findUserByClientId(db, clientId);
      if (!user || !sameHash(user.client_secret_hash, lookupHash(keys, clientSecret))) {
        throw new AppError(401, ErrorCode.INVALID_CREDENTIALS, 'Identifiants client invalides.');
      }
      if (!toBool(user.is_active)) {
        throw forbidden('Ce compte est désactivé.', ErrorCode.USER_INACTIVE);
      }
      // A client secret is not the password: this token never confirms a sensitive action by itself.
      return jwt.sign({ userId: user.id, tokenVersion: user.token_version, authTime: null });
    },

    async verifyEmail(token: string): Promise<void> {
      const row = await consumeEmailToken('email_verification_tokens', token);
      await markEmailVerified(row.user_id);
    },

    /**
     * Same work, same answer and same time whether or not the address has an account: the request only
     * counts the attempt and queues a job naming the address; the worker looks the account up.
     */
    async resendVerification(email: string, ip: string): Promise<void> {
      await throttle.hit(`resend:ip:${ip}`, config.throttle.signupPerIp);
      await throttleMailsTo(email);
      await mailQueue.enqueue({ kind: 'verification-resend', email });
    },

    /** Like resendVerification: no account lookup on the request path (see account-mails.ts). */
    async forgotPassword(email: string, ip: string): Promise<void> {
      await throttle.hit(`forgot:ip:${ip}`, config.throttle.signupPerIp);
      await throttleMailsTo(email);
      await mailQueue.enqueue({ kind: 'password-reset', email, ip });
    },

    async resetPassword(token: string, newPassword: string, ip: string): Promise<void> {
      assertPasswordPolicy(newPassword, 'new_password');
      const row = await consumeEmailToken('password_reset_tokens', token);
      // Following a mailed link proves the address too.
      await updateUser(db, row.user_id, { hashed_password: await hashPassword(newPassword) });
      await markEmailVerified(row.user_id);
      await revokeUserTokens(db, row.user_id);
      await logActivity(db, { user_id: row.user_id, action: 'password_reset', ip });
    },

    async updatePassword(
      userId: string,
      hashed: string | null,
      oldPassword: string,
      newPassword: string,
      ip: string,
    ): Promise<string> {
      await checkPassword({ id: userId, hashed_password: hashed }, oldPassword, {
        message: 'Mot de passe actuel incorrect.',
        field: 'old_password',
      });
      assertPasswordPolicy(newPassword, 'new_password');
      await updateUser(db, userId, { hashed_password: await hashPassword(newPassword) });
      await revokeUserTokens(db, userId);
      await logActivity(db, { user_id: userId, action: 'password_updated', ip });
      const user = await deps.db
        .selectFrom('users')
        .select('token_version')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      return jwt.sign({ userId, tokenVersion: user.token_version, authTime: new Date() });
    },
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
