import type { Contribution } from '@med/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatDate } from '../../lib/format.ts';
import { QueryState } from '../rte/QueryState.tsx';
import { ContributionMessages } from './ContributionMessages.tsx';
import { useMyContributions, useReply } from './useContributions.ts';

function ReplyForm({ contribution, onReplied }: { contribution: Contribution; onReplied: () => void }) {
  const { t } = useTranslation();
  const reply = useReply();
  const [message, setMessage] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate(
      { id: contribution.id, message },
      {
        onSuccess: () => {
          setMessage('');
          onReplied();
        },
      },
    );
  };
  return (
    <form className="mt-3 space-y-2" onSubmit={onSubmit}>
      <TextField
        label={t('contribute.reply', { name: contribution.offer_name })}
        value={message}
        required
        maxLength={2000}
        onChange={(event) => setMessage(event.target.value)}
      />
      <Button type="submit" variant="secondary" disabled={message.trim() === '' || reply.isPending}>
        {t('contribute.sendReply')}
      </Button>
      {reply.error && <Alert tone="error">{errorMessage(t, reply.error)}</Alert>}
    </form>
  );
}

function ContributionItem({ contribution }: { contribution: Contribution }) {
  const { t, i18n } = useTranslation();
  // The form goes once answered (the last word is the contributor's): the confirmation stays here.
  const [replied, setReplied] = useState(false);
  const variant = contribution.power_variants[0];
  return (
    <li className="py-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium">
          {contribution.offer_name} · {contribution.offer_type}
          {variant && ` · ${t('offers.powerValue', { value: variant.power_kva })}`}
        </p>
        <p className="text-sm font-semibold">{t(`contribute.status.${contribution.status}`)}</p>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t(`contribute.kinds.${contribution.contribution_type}`)} ·{' '}
        {t('contribute.fromDate', { date: formatDate(contribution.valid_from, i18n.language) })}
      </p>
      {contribution.review_comment && (
        <p className="mt-2 text-sm">{t('contribute.reviewComment', { comment: contribution.review_comment })}</p>
      )}
      <ContributionMessages messages={contribution.messages} />
      {contribution.status === 'pending' && contribution.has_unread_messages && (
        <ReplyForm contribution={contribution} onReplied={() => setReplied(true)} />
      )}
      {replied && (
        <Alert tone="success" className="mt-3">
          {t('contribute.replied')}
        </Alert>
      )}
    </li>
  );
}

/** The signed-in user's contributions with their status and the moderators' questions. */
export function MyContributions() {
  const { t } = useTranslation();
  const query = useMyContributions();
  return (
    <Card title={t('contribute.mine')}>
      <QueryState query={query}>
        {(contributions) =>
          contributions.length === 0 ? (
            <p>{t('contribute.none')}</p>
          ) : (
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {contributions.map((contribution) => (
                <ContributionItem key={contribution.id} contribution={contribution} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </Card>
  );
}
