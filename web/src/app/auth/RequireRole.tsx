import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '#contract/roles';
import { LoadFailed, Loading } from '../../ui/QueryState';
import { useAuth } from './AuthContext';

/** Pages for logged-in people of some roles. The API checks again; this only spares a dead end. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { me, loading, failed, retry } = useAuth();
  const location = useLocation();
  if (loading) return <Loading />;
  if (failed) return <LoadFailed message="We konden niet nagaan of je aangemeld bent." onRetry={retry} />;
  if (!me) return <Navigate to="/aanmelden" replace state={{ from: location.pathname }} />;
  if (!roles.includes(me.role)) {
    return (
      <>
        <h1>Geen toegang</h1>
        <p>Deze pagina is niet bedoeld voor jouw rol.</p>
      </>
    );
  }
  return <>{children}</>;
}
