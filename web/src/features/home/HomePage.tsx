import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth/AuthContext';
import { Writable } from '../../app/auth/Writable';
import { t } from '../../labels';
import { Timeline } from '../school-year/Timeline';
import { SinceLastVisit } from '../students/SinceLastVisit';

/** A school comes to enter students: the start page leads with that, then the rest of its work. */
function SchoolActions() {
  return (
    <section className="card home-actions" aria-labelledby="home-actions-title">
      <h2 id="home-actions-title">Wat wil je doen?</h2>
      <p className="page-actions">
        <Writable>
          <Link className="button" to="/leerlingen/nieuw">
            Leerling toevoegen
          </Link>
          <Link className="button secondary" to="/leerlingen/importeren">
            Importeren uit Excel
          </Link>
        </Writable>
        <Link className="button secondary" to="/leerlingen">
          Je leerlingen bekijken
        </Link>
      </p>
    </section>
  );
}

type HealthState = 'checking' | 'healthy' | 'unhealthy';

export function HomePage() {
  const { me } = useAuth();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => api('GET /api/health', { signal }),
    // People look at this to know whether the system works: say so at once, and check again on request.
    retry: false,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
  const state: HealthState = health.isFetching
    ? 'checking'
    : health.data?.status === 'ok'
      ? 'healthy'
      : 'unhealthy';

  return (
    <>
      <h1>{me ? `Welkom, ${me.name}` : t.home.title}</h1>
      <p className="lead">{me?.organisation ? me.organisation.name : t.appTagline}</p>
      {me?.role === 'school' ? <SchoolActions /> : <p>{t.home.intro}</p>}
      {!me && (
        <p>
          <Link className="button" to="/aanmelden">
            {t.nav.login}
          </Link>
        </p>
      )}
      {me?.role === 'school' && <SinceLastVisit personId={me.id} />}
      {me && <Timeline tracks={me.role === 'school' ? me.organisation?.tracks : undefined} />}
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">{t.home.statusTitle}</h2>
        <p className={`status status-${state}`} role="status" data-health={state}>
          {state === 'checking' ? t.home.checking : state === 'healthy' ? t.home.healthy : t.home.unhealthy}
        </p>
        {state === 'unhealthy' && (
          <button type="button" onClick={() => void health.refetch()}>
            {t.home.retry}
          </button>
        )}
      </section>
    </>
  );
}
