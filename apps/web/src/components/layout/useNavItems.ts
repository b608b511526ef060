import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../features/admin/adminSections.ts';
import { useMe } from '../../hooks/useMe.ts';
import { useAppMode, useRuntimeConfig, type AppMode } from '../../hooks/useRuntimeConfig.ts';

export interface NavItem {
  to: string;
  label: string;
  /** Also marked current on the pages under it (the Admin area's own pages). */
  section?: boolean;
}

export interface NavState {
  items: NavItem[];
  signedIn: boolean;
  /** Known enough to show the account buttons (session read, or client mode). */
  resolved: boolean;
  mode: AppMode | undefined;
}

/**
 * Header links. Gateway: the account pages for a signed-in user, the public pages otherwise. Local client:
 * the household's pages and the Sync page, no account ones (it has no accounts; its API answers for the
 * household).
 */
export function useNavItems(): NavState {
  const { t } = useTranslation();
  const mode = useAppMode();
  const { data: me, isPending } = useMe();
  const { serverMode } = useRuntimeConfig();
  const signedIn = Boolean(me);
  // The Admin area (server mode) for a role holding `admin_dashboard`; its own menu lists the pages.
  const admin: NavItem[] =
    serverMode && hasPermission(me, 'admin_dashboard') ? [{ to: '/admin', label: t('nav.admin'), section: true }] : [];
  // Public RTE data pages: in the header for everyone.
  const rte: NavItem[] = [
    { to: '/tempo', label: t('rte.nav.tempo') },
    { to: '/ecowatt', label: t('rte.nav.ecowatt') },
    { to: '/france', label: t('rte.nav.france') },
  ];
  if (mode === undefined) {
    return { items: [], signedIn: false, resolved: false, mode };
  }
  // The household's data pages, the same on the gateway (signed in) and on the local client, where the euro
  // pages price the local readings with the offer chosen on the dashboard.
  const dataPages: NavItem[] = [
    { to: '/dashboard', label: t('nav.dashboard') },
    { to: '/consumption', label: t('metering.nav.consumption') },
    { to: '/consumption_euro', label: t('costs.nav') },
    { to: '/production', label: t('metering.nav.production') },
    { to: '/balance', label: t('metering.nav.balance') },
    { to: '/simulator', label: t('simulator.nav') },
    ...rte,
  ];
  if (mode === 'client') {
    // The offers browser is in the footer (the header is full at 1280 px).
    const items: NavItem[] = [
      ...dataPages,
      { to: '/sync', label: t('sync.nav') },
      { to: '/exporters', label: t('exporters.nav'), section: true },
    ];
    return { items, signedIn: false, resolved: true, mode };
  }
  const items: NavItem[] = signedIn
    ? [
        ...dataPages,
        // The offers browser is linked from each meter card and the simulator (the header has no room left).
        { to: '/settings', label: t('nav.settings') },
        ...admin,
        // FAQ and API docs stay one click away in the footer: the signed-in header has the data pages.
      ]
    : [
        { to: '/', label: t('nav.home') },
        ...rte,
        { to: '/offers', label: t('offers.nav') },
        { to: '/faq', label: t('nav.faq') },
        { to: '/api-docs', label: t('nav.apiDocs') },
      ];
  return { items, signedIn, resolved: !isPending, mode };
}
