import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { loginDemo } from '../../api/enedis.ts';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { useRuntimeConfig } from '../../hooks/useRuntimeConfig.ts';
import { fetchNewSession, forgetAccountData } from '../../hooks/useSession.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';

/** "Try the demo": a session on the read-only demo account, shown only when the server enables it. */
export function DemoLoginButton({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const { demoEnabled } = useRuntimeConfig();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const demo = useMutation({
    mutationFn: loginDemo,
    onSuccess: async () => {
      forgetAccountData(queryClient);
      await fetchNewSession(queryClient);
      await navigate('/dashboard');
    },
  });
  if (!demoEnabled) {
    return null;
  }
  return (
    <div className={className}>
      <Button variant="secondary" className="w-full sm:w-auto" disabled={demo.isPending} onClick={() => demo.mutate()}>
        {demo.isPending ? t('metering.demo.loading') : t('metering.demo.button')}
      </Button>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{t('metering.demo.hint')}</p>
      {demo.error && (
        <Alert tone="error" className="mt-2">
          {errorMessage(t, demo.error)}
        </Alert>
      )}
    </div>
  );
}
