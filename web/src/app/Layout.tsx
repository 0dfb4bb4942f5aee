import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { OrganisationSwitch } from '../features/memberships/OrganisationSwitch';
import { t } from '../labels';
import { Loading } from '../ui/QueryState';
import { useAuth } from './auth/AuthContext';
import { MainMenu } from './MainMenu';
import { navigationFor } from './navigation';

export function Layout() {
  const main = usePageTitle();
  const { me, loading, logout } = useAuth();
  const navigate = useNavigate();
  return (
    <>
      <a className="skip-link" href="#inhoud">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <NavLink to="/" className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>{t.appName}</span>
          </NavLink>
          {me && <OrganisationSwitch me={me} />}
          {!loading && (
            <MainMenu
              entries={navigationFor(
                me?.role ?? null,
                Boolean(me?.provinces?.length),
                me?.schoolYear.status === 'archived',
              )}
              onLogout={
                me
                  ? async () => {
                      await logout();
                      navigate('/aanmelden');
                    }
                  : undefined
              }
            />
          )}
        </div>
      </header>
      <main id="inhoud" className="container" ref={main}>
        {me?.schoolYear.status === 'archived' && (
          <p className="alert alert-ok" role="status">
            Schooljaar {me.schoolYear.id} is gearchiveerd: je kan alles bekijken en exporteren, maar niets
            meer wijzigen.
          </p>
        )}
        {/* A role's pages arrive in their own chunk the first time one is opened. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          <NavLink to="/hulp">{t.help}</NavLink> · {t.footer}
        </div>
      </footer>
    </>
  );
}

/**
 * Every page's `<title>` follows its main heading ("Leerlingen — Stagematching gezinszorg"), so tabs,
 * history and screen readers tell pages apart. One place for all pages: it watches the heading,
 * which pages set once their data has loaded.
 */
function usePageTitle() {
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = main.current;
    if (!element) return;
    const update = () => {
      const heading = element.querySelector('h1')?.textContent?.trim();
      // The start page carries the product's name alone.
      const start = window.location.pathname === '/';
      const title = heading && !start ? `${heading} — ${t.appName}` : t.appName;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return main;
}
