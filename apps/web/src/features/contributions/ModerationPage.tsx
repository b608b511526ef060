import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { QueryState } from '../rte/QueryState.tsx';
import { ModerationItem } from './ModerationItem.tsx';
import { usePendingContributions } from './useContributions.ts';

/** `/admin/contributions` (permission `contributions`): the pending queue with each change's diff. */
export default function ModerationPage() {
  const { t } = useTranslation();
  const pending = usePendingContributions();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t('moderation.title')}</h1>
      {done && <Alert tone="success">{done}</Alert>}
      <QueryState query={pending}>
        {(contributions) =>
          contributions.length === 0 ? (
            <p>{t('moderation.empty')}</p>
          ) : (
            <div className="space-y-4">
              <p>{t('moderation.count', { count: contributions.length })}</p>
              {contributions.map((contribution) => (
                <ModerationItem key={contribution.id} contribution={contribution} onDone={setDone} />
              ))}
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
