import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../../hooks/useMe.ts';
import { useAppMode } from '../../hooks/useRuntimeConfig.ts';
import { sessionEndedOnPurpose } from '../../hooks/useSession.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { loginPathFor } from './redirect.ts';

/**
 * Renders the child routes for a signed-in user; sends visitors to /login?redirect=<here>. A local client
 * has no accounts: its pages are the household's, open to whoever reaches the app (LOCAL_PASSWORD guards it).
 */
export function ProtectedRoute() {
  const { t } = useTranslation();
  const location = useLocation();
  const mode = useAppMode();
  const { data: me, error, isPending, refetch } = useMe();

  if (mode === 'client') {
    return <Outlet />;
  }
  if (mode === undefined || isPending) {
    return <Spinner label={t('protected.checking')} />;
  }
  if (error) {
    return (
      <Alert tone="error" title={t('protected.error')}>
        <p>{errorMessage(t, error)}</p>
        <Button variant="secondary" className="mt-3" onClick={() => void refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  // After a logout the app is on its way home: do not send the user to the login page instead.
  if (!me) {
    return (
      <Navigate to={sessionEndedOnPurpose() ? '/' : loginPathFor(`${location.pathname}${location.search}`)} replace />
    );
  }
  return <Outlet />;
}
