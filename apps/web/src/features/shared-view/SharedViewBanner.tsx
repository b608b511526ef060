import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/Button.tsx';
import { useSharedView, useSwitchSharedView } from '../../hooks/useSharedView.ts';

/** On every page while this tab views someone's shared data: whose it is, and the way back. */
export function SharedViewBanner() {
  const { t } = useTranslation();
  const view = useSharedView();
  const switchView = useSwitchSharedView();
  const navigate = useNavigate();
  if (!view) {
    return null;
  }
  return (
    <div
      role="status"
      className="flex flex-wrap items-center justify-center gap-3 bg-amber-100 px-4 py-2 text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50"
    >
      <p className="break-all sm:break-normal">{t('sharedView.banner', { owner: view.ownerEmail })}</p>
      <Button
        variant="secondary"
        aria-label={t('sharedView.leaveLabel', { owner: view.ownerEmail })}
        onClick={() => {
          switchView(null);
          void navigate('/admin/shared');
        }}
      >
        {t('sharedView.leave')}
      </Button>
    </div>
  );
}
