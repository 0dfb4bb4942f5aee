import { NavLink, Outlet } from 'react-router';
import { t } from '../texts';
import { navigationFor, type Role } from './navigation';

export function Layout({ userRole }: { userRole: Role | null }) {
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
          <nav aria-label={t.nav.label}>
            <ul className="nav-list">
              {navigationFor(userRole).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="inhoud" className="container">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">{t.footer}</div>
      </footer>
    </>
  );
}
