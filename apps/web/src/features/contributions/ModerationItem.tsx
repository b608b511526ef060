import type { ModerationContribution } from '@med/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { ConfirmDialog } from '../admin/ConfirmDialog.tsx';
import { ChangesTable } from './ChangesTable.tsx';
import { ContributionMessages } from './ContributionMessages.tsx';
import { useModeration } from './useContributions.ts';

type Action = 'approve' | 'reject' | 'ask';

/** One pending contribution: what it changes, the exchange so far, and the three decisions. */
export function ModerationItem({
  contribution,
  onDone,
}: {
  contribution: ModerationContribution;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const moderation = useModeration();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [question, setQuestion] = useState('');
  const name = contribution.offer_name;
  const error = moderation.approve.error ?? moderation.reject.error ?? moderation.ask.error;
  const busy = moderation.approve.isPending || moderation.reject.isPending || moderation.ask.isPending;

  const run = (action: Action) => {
    setConfirming(null);
    const { id } = contribution;
    if (action === 'approve') {
      moderation.approve.mutate(id, { onSuccess: () => onDone(t('moderation.approved', { name })) });
    } else if (action === 'reject') {
      moderation.reject.mutate({ id, reason }, { onSuccess: () => onDone(t('moderation.rejected', { name })) });
    } else {
      moderation.ask.mutate(
        { id, message: question },
        {
          onSuccess: () => {
            setQuestion('');
            onDone(t('moderation.asked', { email: contribution.contributor_email }));
          },
        },
      );
    }
  };

  return (
    <Card title={`${contribution.target_provider.name} · ${name} · ${contribution.offer_type}`}>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t(`contribute.kinds.${contribution.contribution_type}`)} ·{' '}
        {t('moderation.by', { email: contribution.contributor_email })}
      </p>
      {contribution.price_sheet_url && (
        <p className="mt-1 text-sm">
          <a
            className="break-all underline"
            href={contribution.price_sheet_url}
            rel="noreferrer noopener"
            target="_blank"
          >
            {t('moderation.priceSheet')}
          </a>
        </p>
      )}
      {contribution.description && <p className="mt-2 text-sm">{contribution.description}</p>}
      <div className="mt-3">
        <ChangesTable changes={contribution.changes} caption={t('moderation.changesOf', { name })} />
      </div>
      {contribution.conflict && (
        <Alert tone="warning" className="mt-3">
          {t('moderation.conflict', { reason: contribution.conflict })}
        </Alert>
      )}
      <ContributionMessages messages={contribution.messages} />
      <div className="mt-4 grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('moderation.question')}
          value={question}
          maxLength={2000}
          onChange={(event) => setQuestion(event.target.value)}
        />
        <TextField
          label={t('moderation.reason')}
          value={reason}
          maxLength={2000}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button disabled={busy || contribution.conflict !== null} onClick={() => setConfirming('approve')}>
          {t('moderation.approve')}
        </Button>
        <Button variant="secondary" disabled={busy || question.trim() === ''} onClick={() => setConfirming('ask')}>
          {t('moderation.ask')}
        </Button>
        <Button variant="danger" disabled={busy} onClick={() => setConfirming('reject')}>
          {t('moderation.reject')}
        </Button>
      </div>
      {error && (
        <Alert tone="error" className="mt-3">
          {errorMessage(t, error)}
        </Alert>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? t(`moderation.confirm.${confirming}.title`, { name }) : ''}
        text={confirming ? t(`moderation.confirm.${confirming}.text`, { email: contribution.contributor_email }) : ''}
        confirmLabel={confirming ? t(`moderation.confirm.${confirming}.button`) : ''}
        onConfirm={() => confirming && run(confirming)}
        onCancel={() => setConfirming(null)}
      />
    </Card>
  );
}
