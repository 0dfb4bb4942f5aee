import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { t } from '../texts';

type Health = 'checking' | 'healthy' | 'unhealthy';

export function HomePage() {
  const { me } = useAuth();
  const [health, setHealth] = useState<Health>('checking');
  const check = useCallback(async () => {
    setHealth('checking');
    try {
      const result = await api<{ status: string }>('/health');
      setHealth(result.status === 'ok' ? 'healthy' : 'unhealthy');
    } catch {
      setHealth('unhealthy');
    }
  }, []);
  useEffect(() => {
    void check();
  }, [check]);

  return (
    <>
      <h1>{me ? `Welkom, ${me.name}` : t.home.title}</h1>
      <p className="lead">{me?.organisation ? me.organisation.name : t.appTagline}</p>
      <p>{t.home.intro}</p>
      {!me && (
        <p>
          <Link className="button" to="/aanmelden">
            {t.nav.login}
          </Link>
        </p>
      )}
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">{t.home.statusTitle}</h2>
        <p className={`status status-${health}`} role="status" data-health={health}>
          {health === 'checking' ? t.home.checking : health === 'healthy' ? t.home.healthy : t.home.unhealthy}
        </p>
        {health === 'unhealthy' && (
          <button type="button" onClick={() => void check()}>
            {t.home.retry}
          </button>
        )}
      </section>
    </>
  );
}
