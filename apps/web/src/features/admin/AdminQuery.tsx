import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';

/** Loading, error (with retry) and loaded states of one admin query. */
export function AdminQuery<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) {
    return <Spinner label={t('common.loading')} />;
  }
  if (query.isError) {
    return (
      <Alert tone="error">
        <p>{errorMessage(t, query.error)}</p>
        <Button variant="secondary" className="mt-2" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
