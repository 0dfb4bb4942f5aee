import { Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { OrganisationSwitch } from '../features/memberships/OrganisationSwitch';
import { t } from '../labels';
import { Loading } from '../ui/QueryState';
import { useAuth } from './auth/AuthContext';
import { navigationFor } from './navigation';

export function Layout() {
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
            <nav aria-label={t.nav.label}>
              <ul className="nav-list">
                {navigationFor(me?.role ?? null).map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === '/'}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
                {me && (
                  <li>
                    <button
                      type="button"
                      className="link-button"
                      onClick={async () => {
                        await logout();
                        navigate('/aanmelden');
                      }}
                    >
                      {t.nav.logout}
                    </button>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </div>
      </header>
      <main id="inhoud" className="container">
        {/* A role's pages arrive in their own chunk the first time one is opened. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">{t.footer}</div>
      </footer>
    </>
  );
}
