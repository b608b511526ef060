import type { ContributionMessage } from '@med/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';

/** The exchange between moderators and the contributor, oldest first. */
export function ContributionMessages({ messages }: { messages: ContributionMessage[] }) {
  const { t, i18n } = useTranslation();
  if (messages.length === 0) {
    return null;
  }
  return (
    <ol className="mt-3 space-y-2" aria-label={t('contribute.messages')}>
      {messages.map((message) => (
        <li
          key={message.id}
          className={`rounded-lg p-3 text-sm ${
            message.is_from_admin ? 'bg-amber-50 dark:bg-amber-950/40' : 'bg-slate-100 dark:bg-slate-800'
          }`}
        >
          <p className="font-medium">
            {message.is_from_admin ? t('contribute.fromModerator') : t('contribute.fromContributor')} ·{' '}
            {formatDateTime(message.created_at, i18n.language)}
          </p>
          <p className="mt-1 break-words whitespace-pre-line">{message.content}</p>
        </li>
      ))}
    </ol>
  );
}
