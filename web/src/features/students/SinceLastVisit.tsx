import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { studentListQuery } from './queries';

const KEY = (personId: string) => `stagematching:last-visit:${personId}`;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The school's home page: what changed for its students since this person's last visit (kept in
 * this browser), "Nieuw sinds je laatste bezoek: 3 leerlingen geplaatst". The visit counts once the
 * page was shown, so the next visit starts from now.
 */
export function SinceLastVisit({ personId }: { personId: string }) {
  const [since] = useState(() => localStorage.getItem(KEY(personId)));
  const list = useQuery(studentListQuery(''));
  useEffect(() => {
    if (list.data) localStorage.setItem(KEY(personId), new Date().toISOString());
  }, [list.data, personId]);
  if (!since || !list.data) return null;
  const placed = list.data.items.filter((s) => s.placement && s.placement.acceptedAt > since).length;
  const ended = list.data.items.filter((s) => s.placement && s.stoppedAt && s.stoppedAt > since).length;
  const parts = [
    ...(placed ? [`${plural(placed, 'leerling', 'leerlingen')} geplaatst`] : []),
    ...(ended ? [`${plural(ended, 'stage', 'stages')} beëindigd`] : []),
  ];
  return (
    <p className="alert alert-info" role="status" data-testid="since-last-visit">
      Nieuw sinds je laatste bezoek: {parts.length ? parts.join(', ') : 'niets'}.{' '}
      {parts.length > 0 && <Link to="/leerlingen">Bekijk je leerlingen</Link>}
    </p>
  );
}
