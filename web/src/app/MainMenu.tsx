import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { t } from '../labels';
import { isGroup, type NavEntry, type NavGroup } from './navigation';

/**
 * The main menu: a row of links with the less used pages grouped behind a button each; on a narrow
 * screen all of it folds behind one "Menu" button, so the page starts on the first screen.
 * Everything closes again on the next page, on Escape and on a click elsewhere.
 */
export function MainMenu({ entries, onLogout }: { entries: NavEntry[]; onLogout?: () => void }) {
  const [open, setOpen] = useState<string | null>(null);
  const [folded, setFolded] = useState(true);
  const nav = useRef<HTMLElement>(null);
  const listId = useId();
  const { pathname } = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes what was open.
  useEffect(() => {
    setOpen(null);
    setFolded(true);
  }, [pathname]);
  useEffect(() => {
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent ? event.key === 'Escape' : !nav.current?.contains(event.target as Node)
      ) {
        setOpen(null);
        if (event instanceof KeyboardEvent) setFolded(true);
      }
    };
    document.addEventListener('keydown', close);
    document.addEventListener('click', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('click', close);
    };
  }, []);

  return (
    <nav aria-label={t.nav.label} className="main-menu" ref={nav}>
      <button
        type="button"
        className="link-button menu-toggle"
        aria-expanded={!folded}
        aria-controls={listId}
        onClick={() => setFolded(!folded)}
      >
        <span aria-hidden="true">☰ </span>
        {t.nav.menu}
      </button>
      <ul className={`nav-list${folded ? ' folded' : ''}`} id={listId}>
        {entries.map((entry) =>
          isGroup(entry) ? (
            <Group
              key={entry.label}
              group={entry}
              open={open === entry.label}
              current={entry.items.some((i) => pathname.startsWith(i.to))}
              onToggle={() => setOpen(open === entry.label ? null : entry.label)}
            />
          ) : (
            <li key={entry.to}>
              <NavLink to={entry.to} end={entry.to === '/'}>
                {entry.label}
              </NavLink>
            </li>
          ),
        )}
        {onLogout && (
          <li>
            <button type="button" className="link-button" onClick={onLogout}>
              {t.nav.logout}
            </button>
          </li>
        )}
      </ul>
    </nav>
  );
}

function Group({
  group,
  open,
  current,
  onToggle,
}: {
  group: NavGroup;
  open: boolean;
  /** One of its pages is the page shown. */
  current: boolean;
  onToggle: () => void;
}) {
  const id = useId();
  return (
    <li className="nav-group">
      <button
        type="button"
        className={`link-button${current ? ' active' : ''}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={onToggle}
      >
        {group.label} <span aria-hidden="true">▾</span>
      </button>
      <ul id={id} className="nav-drop" hidden={!open}>
        {group.items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to}>{item.label}</NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}
