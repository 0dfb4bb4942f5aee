import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useQueryFilters } from '../../forms/useQueryFilters';
import { longDate, period, STATUS_LABELS, type StudentItem, TRACK_LABELS } from './labels';

/** All the school's students and where each was placed. */
export function StudentsPage() {
  const { params, set, query } = useQueryFilters();
  const [items, setItems] = useState<StudentItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api<{ items: StudentItem[] }>(`/students${query ? `?${query}` : ''}`)
      .then((r) => setItems(r.items))
      .catch(() => setFailed(true));
  }, [query]);

  return (
    <>
      <div className="page-head">
        <h1>Leerlingen</h1>
        <Link className="button" to="/leerlingen/nieuw">
          Leerling toevoegen
        </Link>
      </div>
      <div className="filters">
        <label>
          Opleidingsvorm
          <select value={params.get('track') ?? ''} onChange={(e) => set('track', e.target.value)}>
            <option value="">Alle</option>
            {Object.entries(TRACK_LABELS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={params.get('status') ?? ''} onChange={(e) => set('status', e.target.value)}>
            <option value="">Alle</option>
            {Object.entries(STATUS_LABELS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Naam
          <input
            type="search"
            defaultValue={params.get('q') ?? ''}
            onChange={(e) => set('q', e.target.value)}
          />
        </label>
        <label>
          Sorteren
          <select value={params.get('sort') ?? '-registered'} onChange={(e) => set('sort', e.target.value)}>
            <option value="-registered">Laatst ingevoerd eerst</option>
            <option value="registered">Eerst ingevoerd eerst</option>
            <option value="name">Naam a-z</option>
            <option value="-name">Naam z-a</option>
          </select>
        </label>
      </div>
      {failed && (
        <div className="alert alert-error" role="alert">
          De lijst kon niet geladen worden. Probeer het opnieuw.
        </div>
      )}
      {items?.length === 0 && <p>Nog geen leerlingen. Voeg je eerste leerling toe.</p>}
      {items && items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Leerling</th>
              <th scope="col">Status</th>
              <th scope="col">Stageplek</th>
              <th scope="col">Periode</th>
              <th scope="col">Mentor</th>
              <th scope="col">Notities</th>
              <th scope="col">Ingevoerd</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/leerlingen/${s.id}`}>
                    {s.lastName} {s.firstName}
                  </Link>
                  <div className="hint">
                    {TRACK_LABELS[s.track]} · {s.address.postcode} {s.address.city}
                  </div>
                  {s.hiddenUntilBlackoutEnds && (
                    <div className="badge badge-off">
                      Zichtbaar voor diensten vanaf {longDate(s.visibleFrom)}
                    </div>
                  )}
                </td>
                <td>
                  <span className={`badge status-${s.status}`}>{STATUS_LABELS[s.status]}</span>
                </td>
                <td>{s.placement?.serviceName ?? '—'}</td>
                <td>{(s.placement?.periods ?? s.periods).map(period).join(', ')}</td>
                <td>
                  {s.placement ? (
                    <>
                      {s.placement.contact.name}
                      <div className="hint">
                        {s.placement.contact.phone} · {s.placement.contact.email}
                      </div>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{s.placement?.notes || '—'}</td>
                <td>{longDate(s.registeredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
