import type { Db } from '../../db/database.ts';
import type { JobDefinition } from '../../jobs/scheduler.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { consentExpiryMail } from '../../mail/templates.ts';
import { listUserPdls } from '../pdl/pdl.repository.ts';
import { claimExpiryNotice, consentsToRemind } from './consent.repository.ts';

/** How long before the end of a consent its holder is told, once. */
export const EXPIRY_NOTICE_DAYS = 30;

const masked = (prm: string) => `PDL …${prm.slice(-4)}`;

/**
 * Daily: mails each holder once about consents ending within 30 days (one mail per account and run,
 * listing its meters). The notice is claimed in the database before the mail goes, so two instances never
 * send it twice; a mail that fails is not retried (the dashboard shows the same warning).
 */
export function consentExpiryJob(deps: { db: Db; mailer: Mailer; frontendUrl: string }): JobDefinition {
  return {
    name: 'consent-expiry-notice',
    schedule: ['0 9 * * *'],
    jitterMs: 60_000,
    timeoutMs: 10 * 60_000,
    async run({ now, log }) {
      const before = new Date(now.getTime() + EXPIRY_NOTICE_DAYS * 86_400_000).toISOString();
      const due = await consentsToRemind(deps.db, before, now.toISOString());
      const byUser = new Map<string, { email: string; prms: string[]; expiresAt: string }>();
      for (const record of due) {
        if (!record.user_id || !(await claimExpiryNotice(deps.db, record.id, now.toISOString()))) {
          continue;
        }
        const entry = byUser.get(record.user_id) ?? { email: record.email, prms: [], expiresAt: record.expires_at };
        entry.prms.push(record.usage_point_id);
        entry.expiresAt = entry.expiresAt < record.expires_at ? entry.expiresAt : record.expires_at;
        byUser.set(record.user_id, entry);
      }
      let sent = 0;
      for (const [userId, entry] of byUser) {
        const names = new Map((await listUserPdls(deps.db, userId)).map((pdl) => [pdl.usage_point_id, pdl.name]));
        const meters = entry.prms.map((prm) => names.get(prm) ?? masked(prm));
        const expiresOn = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(
          new Date(entry.expiresAt),
        );
        try {
          await deps.mailer.send(consentExpiryMail(entry.email, meters, expiresOn, `${deps.frontendUrl}/dashboard`));
          sent += 1;
        } catch (error) {
          log.warn({ err: error }, 'consent expiry notice could not be sent');
        }
      }
      return `${sent} consent expiry notice(s) sent`;
    },
  };
}
