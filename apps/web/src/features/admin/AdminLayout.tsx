import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { Alert } from '../../components/ui/Alert.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { useMe } from '../../hooks/useMe.ts';
import { useRuntimeConfig } from '../../hooks/useRuntimeConfig.ts';
import { ADMIN_SECTIONS, visibleSections } from './adminSections.ts';

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium min-h-11 inline-flex items-center ${
    isActive
      ? 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100'
      : 'text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800'
  }`;

/**
 * The Admin area (server mode): its own menu listing only the pages the role may open, and a refusal in
 * place of a page it may not (the server refuses the calls anyway; this only avoids a page of errors).
 */
export default function AdminLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const { serverMode } = useRuntimeConfig();
  if (me === undefined) {
    return <Spinner label={t('common.loading')} />;
  }
  const sections = visibleSections(me);
  const current = ADMIN_SECTIONS.find((section) => section.path === pathname.replace(/\/$/, ''));
  const allowed = serverMode && sections.length > 0 && (!current || sections.includes(current));
  if (!allowed) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold sm:text-3xl">{t('admin.title')}</h1>
        <Alert tone="warning">{serverMode ? t('admin.forbidden') : t('admin.serverOnly')}</Alert>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <nav aria-label={t('admin.nav.label')} className="-mx-1 overflow-x-auto">
        <ul className="flex gap-1 px-1">
          {sections.map((section) => (
            <li key={section.key}>
              <NavLink to={section.path} end className={tabClass}>
                {t(`admin.nav.${section.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
