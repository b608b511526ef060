import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '../../hooks/useSession.ts';
import { Button } from '../ui/Button.tsx';
import { buttonClass } from '../ui/buttonStyles.ts';

interface AccountActionsProps {
  signedIn: boolean;
  onDone?: () => void;
  /** Stacked full-width buttons in the mobile menu. */
  stacked?: boolean;
}

/** Log in / sign up for visitors, log out for a signed-in user. */
export function AccountActions({ signedIn, onDone, stacked = false }: AccountActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const width = stacked ? 'w-full' : '';

  if (signedIn) {
    return (
      <Button
        variant="secondary"
        className={width}
        disabled={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, {
            onSettled: () => {
              onDone?.();
              void navigate('/', { replace: true });
            },
          })
        }
      >
        {logout.isPending ? t('nav.loggingOut') : t('nav.logout')}
      </Button>
    );
  }
  return (
    <div className={stacked ? 'flex flex-col gap-2' : 'flex items-center gap-2'}>
      <Link to="/login" onClick={onDone} className={buttonClass('ghost', width)}>
        {t('nav.login')}
      </Link>
      <Link to="/signup" onClick={onDone} className={buttonClass('primary', width)}>
        {t('nav.signup')}
      </Link>
    </div>
  );
}
