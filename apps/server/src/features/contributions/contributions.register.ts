import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { Guard } from '../../http/auth.ts';
import type { ComposedMail } from '../../mail/composed-mail.ts';
import type { MailQueue } from '../../mail/mail-queue.ts';
import { createContributionMails } from './contribution-mails.ts';
import { contributionsRoutes } from './contributions.routes.ts';
import { createContributionsService } from './contributions.service.ts';
import { moderationRoutes } from './moderation.routes.ts';
import { createModerationService } from './moderation.service.ts';

/** Community contributions to the offers catalogue and their moderation, under /api/energy (server mode). */
export async function registerContributionsFeature(
  app: FastifyInstance,
  deps: {
    db: Db;
    guard: Guard;
    mailQueue: Pick<MailQueue<ComposedMail>, 'enqueue'>;
    frontendUrl: string;
    adminEmails: readonly string[];
  },
): Promise<void> {
  const mails = createContributionMails(deps);
  const moderation = createModerationService({ db: deps.db, mails });
  const contributions = createContributionsService({
    db: deps.db,
    mails,
    approveAll: (moderator, ids) => moderation.approveAll(moderator, ids),
  });
  await app.register(contributionsRoutes({ contributions, guard: deps.guard }), { prefix: '/api/energy' });
  await app.register(moderationRoutes({ moderation, guard: deps.guard }), { prefix: '/api/energy' });
}
