import type { Db } from '../../db/database.ts';
import { composedMail, type ComposedMail } from '../../mail/composed-mail.ts';
import type { MailQueue } from '../../mail/mail-queue.ts';
import type { MailMessage } from '../../mail/mailer.ts';
import { layout } from '../../mail/templates.ts';
import { emailsWithPermission } from './contributions.repository.ts';

/** What a notice says about one contribution. */
export interface ContributionSummary {
  offer_name: string;
  offer_type: string;
  provider: string;
  valid_from: string;
}

const line = (item: ContributionSummary) =>
  `${item.provider} — ${item.offer_name} (${item.offer_type}), à partir du ${item.valid_from}`;

/**
 * The contribution notices, queued on the mail queue (sent by its worker; a mail outage delays them,
 * never the request). Moderators are the active accounts whose role holds `contributions`, plus the
 * ADMIN_EMAILS addresses; one mail per recipient.
 */
export function createContributionMails(deps: {
  db: Db;
  mailQueue: Pick<MailQueue<ComposedMail>, 'enqueue'>;
  frontendUrl: string;
  adminEmails: readonly string[];
}) {
  const moderationLink = { href: `${deps.frontendUrl}/admin/contributions`, label: 'Ouvrir la modération' };
  const contributeLink = { href: `${deps.frontendUrl}/contribute`, label: 'Voir mes contributions' };

  async function send(messages: MailMessage[]): Promise<void> {
    for (const message of messages) {
      await deps.mailQueue.enqueue(composedMail(message));
    }
  }

  async function moderators(): Promise<string[]> {
    const holders = await emailsWithPermission(deps.db, 'contributions');
    return [...new Set([...holders.map((email) => email.toLowerCase()), ...deps.adminEmails])].sort();
  }

  return {
    moderators,

    /** New contributions (one or a batch) waiting for review. */
    async submitted(contributor: string, items: ContributionSummary[]): Promise<void> {
      const count = items.length;
      const subject =
        count === 1
          ? `Nouvelle contribution : ${items[0]?.provider ?? ''} — ${items[0]?.offer_name ?? ''}`
          : `${String(count)} nouvelles contributions à relire`;
      const body = layout(
        count === 1
          ? 'Une contribution attend votre relecture'
          : `${String(count)} contributions attendent votre relecture`,
        [`Proposée par ${contributor} :`, ...items.map(line)],
        moderationLink,
      );
      await send((await moderators()).map((to) => ({ to, subject: `${subject} — MyElectricalData`, ...body })));
    },

    /** The contributor answered a moderator's question. */
    async replied(to: readonly string[], contributor: string, item: ContributionSummary, reply: string): Promise<void> {
      const body = layout(
        'Réponse d’un contributeur',
        [`${contributor} a répondu au sujet de : ${line(item)}`, reply],
        moderationLink,
      );
      await send(
        to.map((address) => ({ to: address, subject: 'Réponse à votre question — MyElectricalData', ...body })),
      );
    },

    async approved(to: string, items: ContributionSummary[]): Promise<void> {
      const body = layout(
        items.length === 1 ? 'Votre contribution a été acceptée' : 'Vos contributions ont été acceptées',
        ['Merci ! Ces prix font désormais partie du catalogue :', ...items.map(line)],
        contributeLink,
      );
      await send([{ to, subject: 'Contribution acceptée — MyElectricalData', ...body }]);
    },

    async rejected(to: string, items: ContributionSummary[], reason: string | null): Promise<void> {
      const body = layout(
        items.length === 1 ? 'Votre contribution n’a pas été retenue' : 'Vos contributions n’ont pas été retenues',
        [
          ...items.map(line),
          reason ? `Motif : ${reason}` : 'Aucun motif n’a été donné.',
          'Vous pouvez la corriger et la soumettre de nouveau.',
        ],
        contributeLink,
      );
      await send([{ to, subject: 'Contribution refusée — MyElectricalData', ...body }]);
    },

    async infoRequested(to: string, item: ContributionSummary, question: string): Promise<void> {
      const body = layout('Un modérateur a une question', [`Au sujet de : ${line(item)}`, question], contributeLink);
      await send([{ to, subject: 'Question sur votre contribution — MyElectricalData', ...body }]);
    },
  };
}
export type ContributionMails = ReturnType<typeof createContributionMails>;
