import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useAuth } from './AuthContext';

/**
 * Whether the year this address serves takes changes. An archived year is history: every write
 * answers 409 on the server, so its pages do not offer one.
 */
export function useYearWritable(): boolean {
  const { me } = useAuth();
  return me?.schoolYear.status !== 'archived';
}

/** Its children only while the year takes changes; `instead` (if any) in an archived year. */
export function Writable({ children, instead = null }: { children: ReactNode; instead?: ReactNode }) {
  return <>{useYearWritable() ? children : instead}</>;
}

/**
 * A page that only changes things (a form to add, import or edit), opened by its address in an
 * archived year: it says why there is nothing to fill in, and where to read instead.
 */
export function WritablePage({
  children,
  back,
}: {
  children: ReactNode;
  back: { to: string; label: string };
}) {
  if (useYearWritable()) return <>{children}</>;
  return (
    <>
      <h1>Alleen lezen</h1>
      <p>
        Dit schooljaar is gearchiveerd: je kan niets meer toevoegen of wijzigen.{' '}
        <Link to={back.to}>{back.label}</Link>
      </p>
    </>
  );
}
