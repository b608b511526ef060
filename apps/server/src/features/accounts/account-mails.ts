import { randomUUID } from 'node:crypto';
import type { Config } from '../../config/config.ts';
import { toBool, type Db } from '../../db/database.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { existingAccountMail, invitationMail, passwordResetMail, verificationMail } from '../../mail/templates.ts';
import { newSingleUseToken } from '../../security/single-use-token.ts';
import {
  deleteUserTokens,
  findUserByEmail,
  findUserById,
  insertUserToken,
  logActivity,
  type TokenTable,
} from './users.repository.ts';

export const VERIFICATION_TTL_MS = 24 * 3600 * 1000;
export const RESET_TTL_MS = 3600 * 1000;
export const INVITATION_TTL_DAYS = 7;

/**
 * The account mails, as jobs for the mail queue. Jobs about an address someone typed (reset, resend)
 * carry the address, not the account: the request stores the same job whether or not an account
 * exists, and only the worker looks it up, so answer times say nothing about it. Links are made by
 * the worker too: the queue never holds a usable token.
 */
export type AccountMail =
  | { kind: 'verification'; userId: string }
  | { kind: 'verification-resend'; email: string }
  | { kind: 'password-reset'; email: string; ip: string }
  | { kind: 'existing-account'; email: string }
  /** An administrator created the account (admin console): a set-password link. */
  | { kind: 'invitation'; userId: string }
  /** An administrator asked for a password reset of this account (admin console). */
  | { kind: 'admin-password-reset'; userId: string; ip: string };

export interface AccountMailsDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
}

/** The worker side: what each account mail job does. */
export function createAccountMails({ db, config, mailer }: AccountMailsDeps) {
  const link = (path: string) => `${config.http.frontendUrl}${path}`;

  /** A new single-use link token; the previous one of the same kind stops working. */
  async function issueEmailToken(table: TokenTable, userId: string, ttlMs: number): Promise<string> {
    await deleteUserTokens(db, table, userId);
    const { token, hash } = newSingleUseToken();
    await insertUserToken(db, table, {
      id: randomUUID(),
      user_id: userId,
      token_hash: hash,
      expires_at: new Date(Date.now() + ttlMs).toISOString(),
    });
    return token;
  }

  async function sendVerification(userId: string, email: string): Promise<void> {
    const token = await issueEmailToken('email_verification_tokens', userId, VERIFICATION_TTL_MS);
    await mailer.send(verificationMail(email, link(`/verify-email?token=${token}`)));
  }

  return {
    async perform(job: AccountMail): Promise<void> {
      switch (job.kind) {
        case 'verification': {
          const user = await findUserById(db, job.userId);
          if (user && !toBool(user.email_verified)) {
            await sendVerification(user.id, user.email);
          }
          return;
        }
        case 'verification-resend': {
          const user = await findUserByEmail(db, job.email);
          if (user && !toBool(user.email_verified)) {
            await sendVerification(user.id, user.email);
          }
          return;
        }
        case 'password-reset': {
          const user = await findUserByEmail(db, job.email);
          if (!user || !toBool(user.is_active)) {
            return;
          }
          const token = await issueEmailToken('password_reset_tokens', user.id, RESET_TTL_MS);
          await mailer.send(passwordResetMail(user.email, link(`/reset-password?token=${token}`)));
          await logActivity(db, { user_id: user.id, action: 'password_reset_requested', ip: job.ip });
          return;
        }
        case 'invitation': {
          const user = await findUserById(db, job.userId);
          if (!user) {
            return;
          }
          // A reset token: the reset-password page sets the first password and marks the address verified.
          const token = await issueEmailToken('password_reset_tokens', user.id, INVITATION_TTL_DAYS * 86_400_000);
          await mailer.send(invitationMail(user.email, link(`/reset-password?token=${token}`), INVITATION_TTL_DAYS));
          return;
        }
        case 'admin-password-reset': {
          const user = await findUserById(db, job.userId);
          if (!user) {
            return;
          }
          const token = await issueEmailToken('password_reset_tokens', user.id, RESET_TTL_MS);
          await mailer.send(passwordResetMail(user.email, link(`/reset-password?token=${token}`)));
          await logActivity(db, { user_id: user.id, action: 'password_reset_requested_by_admin', ip: job.ip });
          return;
        }
        case 'existing-account':
          await mailer.send(existingAccountMail(job.email, link('/login'), link('/forgot-password')));
          return;
      }
    },
  };
}
