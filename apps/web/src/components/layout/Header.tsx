import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { BoltIcon, CloseIcon, MenuIcon } from '../ui/icons.tsx';
import { AccountActions } from './AccountActions.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { useNavItems } from './useNavItems.ts';

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium xl:px-2 2xl:px-3 ${
    isActive
      ? 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100'
      : 'text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800'
  }`;

export function Header() {
  const { t } = useTranslation();
  const { items, signedIn, resolved, mode } = useNavItems();
  // A local client has no accounts: no log in, sign up or log out.
  const accounts = mode !== 'client';
  const [menuOpen, setMenuOpen] = useState(false);
  const closeMenu = () => setMenuOpen(false);

  useEffect(() => {
    if (!menuOpen) {
      return;
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setMenuOpen(false);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

  return (
    <header className="print:hidden sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
      {/* Wider than the page content from xl: the signed-in nav (data pages, RTE pages, settings) needs the room. */}
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-2 px-4 xl:max-w-7xl">
        <Link
          to={signedIn || mode === 'client' ? '/dashboard' : '/'}
          className="mr-auto flex items-center gap-2 font-semibold"
          onClick={closeMenu}
        >
          <span className="flex size-8 items-center justify-center rounded-lg bg-sky-600 text-yellow-300">
            <BoltIcon width={18} height={18} />
          </span>
          {/* From xl to 2xl the signed-in nav needs the name's room: it stays for screen readers. */}
          <span className="xl:sr-only 2xl:not-sr-only">{t('common.appName')}</span>
        </Link>

        <nav aria-label={t('nav.main')} className="hidden items-center gap-1 xl:flex">
          {items.map((item) => (
            <NavLink key={item.to} to={item.to} end={!item.section} className={linkClass}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <LanguageToggle />
        <ThemeToggle />
        {/* Hidden until the session is known, so visitors do not see "log out" flash (or the reverse). */}
        {accounts && (
          <div className={`hidden xl:block ${resolved ? '' : 'invisible'}`}>
            <AccountActions signedIn={signedIn} />
          </div>
        )}
        <button
          type="button"
          className="inline-flex size-11 items-center justify-center rounded-lg hover:bg-slate-200/70 xl:hidden dark:hover:bg-slate-800"
          aria-expanded={menuOpen}
          aria-controls="mobile-menu"
          aria-label={menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? <CloseIcon /> : <MenuIcon />}
        </button>
      </div>

      {menuOpen && (
        <div id="mobile-menu" className="border-t border-slate-200 px-4 pb-4 xl:hidden dark:border-slate-800">
          <nav aria-label={t('nav.main')} className="flex flex-col gap-1 py-3">
            {items.map((item) => (
              <NavLink key={item.to} to={item.to} end={!item.section} className={linkClass} onClick={closeMenu}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          {accounts && resolved && <AccountActions signedIn={signedIn} onDone={closeMenu} stacked />}
        </div>
      )}
    </header>
  );
}
