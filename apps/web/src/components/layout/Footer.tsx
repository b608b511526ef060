import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAppMode, useRuntimeConfig } from '../../hooks/useRuntimeConfig.ts';

export function Footer() {
  const { t } = useTranslation();
  const { version } = useRuntimeConfig();
  // A local client's header has no room for the offers browser (the gateway links it from its header).
  const mode = useAppMode();
  const client = mode === 'client';
  return (
    <footer className="print:hidden border-t border-slate-200 py-6 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 sm:flex-row sm:items-center sm:justify-between">
        <p>{t('nav.footer')}</p>
        <div className="flex flex-wrap gap-4">
          {client && (
            <Link to="/offers" className="hover:underline">
              {t('offers.nav')}
            </Link>
          )}
          {mode === 'server' && (
            <Link to="/contribute" className="hover:underline">
              {t('contribute.nav')}
            </Link>
          )}
          <Link to="/faq" className="hover:underline">
            {t('nav.faq')}
          </Link>
          <Link to="/api-docs" className="hover:underline">
            {t('nav.apiDocs')}
          </Link>
          {version && <span>{t('nav.version', { version })}</span>}
        </div>
      </div>
    </footer>
  );
}
