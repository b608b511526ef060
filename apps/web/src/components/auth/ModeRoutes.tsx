import { useTranslation } from 'react-i18next';
import { Navigate, Outlet } from 'react-router';
import { useAppMode } from '../../hooks/useRuntimeConfig.ts';
import NotFoundPage from '../../pages/NotFoundPage.tsx';
import { Spinner } from '../ui/Spinner.tsx';

/**
 * Pages of the gateway only (landing, accounts, account settings): a local client has no accounts, so
 * they lead to its dashboard there.
 */
export function ServerOnlyRoute() {
  const { t } = useTranslation();
  const mode = useAppMode();
  if (mode === undefined) {
    return <Spinner label={t('common.loading')} />;
  }
  return mode === 'client' ? <Navigate to="/dashboard" replace /> : <Outlet />;
}

/** Pages of the local client only (Sync, history import): a gateway has no such page. */
export function ClientOnlyRoute() {
  const { t } = useTranslation();
  const mode = useAppMode();
  if (mode === undefined) {
    return <Spinner label={t('common.loading')} />;
  }
  return mode === 'client' ? <Outlet /> : <NotFoundPage />;
}
