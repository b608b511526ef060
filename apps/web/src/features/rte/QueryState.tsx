import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { formatParisTime } from './format.ts';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** True when the answer holds nothing to show yet (the server is still filling its tables). */
  isEmpty?: (data: T) => boolean;
  /** Shown instead of the generic "waiting for RTE data" text when the answer is empty. */
  emptyText?: string;
  children: (data: T) => ReactNode;
}

/** Loading, error (with retry), empty and loaded states of one RTE query. */
export function QueryState<T>({ query, isEmpty, emptyText, children }: QueryStateProps<T>) {
  const { t, i18n } = useTranslation();
  if (query.isPending) {
    return <Spinner label={t('common.loading')} />;
  }
  if (query.isError && query.data === undefined) {
    return (
      <Alert tone="error">
        <p>{errorMessage(t, query.error)}</p>
        <Button variant="secondary" className="mt-2" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  const data = query.data as T;
  if (isEmpty?.(data)) {
    return <Alert tone="info">{emptyText ?? t('rte.common.waiting')}</Alert>;
  }
  return (
    <>
      {query.isError && (
        <Alert tone="warning" className="mb-3">
          {t('rte.common.stale', { time: formatParisTime(query.dataUpdatedAt, i18n.language) })}
        </Alert>
      )}
      {children(data)}
    </>
  );
}
