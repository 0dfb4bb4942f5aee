import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useQueryFilters } from '../../forms/useQueryFilters';
import { type Organisation, PROVINCE_LABELS, provinceOptions, TYPE_LABELS } from './labels';

/** The admin's list of schools and services, filtered by kind, province and name. */
export function OrganisationsPage() {
  const { params, set, query } = useQueryFilters();
  const [items, setItems] = useState<Organisation[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setFailed(false);
    api<{ items: Organisation[] }>(`/organisations${query ? `?${query}` : ''}`)
      .then((r) => setItems(r.items))
      .catch(() => setFailed(true));
  }, [query]);

  return (
    <>
      <div className="page-head">
        <h1>Organisaties</h1>
        <Link className="button" to="/organisaties/nieuw">
          Nieuwe organisatie
        </Link>
      </div>
      <div className="filters">
        <label>
          Soort
          <select value={params.get('type') ?? ''} onChange={(e) => set('type', e.target.value)}>
            <option value="">Alle</option>
            <option value="school">Scholen</option>
            <option value="service">Diensten</option>
          </select>
        </label>
        <label>
          Provincie
          <select value={params.get('province') ?? ''} onChange={(e) => set('province', e.target.value)}>
            <option value="">Alle</option>
            {provinceOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
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
      </div>
      {failed && (
        <div className="alert alert-error" role="alert">
          De lijst kon niet geladen worden. Probeer het opnieuw.
        </div>
      )}
      {items && items.length === 0 && <p>Geen organisaties gevonden.</p>}
      {items && items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">Soort</th>
              <th scope="col">Provincie</th>
              <th scope="col">Gemeente</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((org) => (
              <tr key={org.id}>
                <td>
                  <Link to={`/organisaties/${org.id}`}>{org.name}</Link>
                </td>
                <td>{TYPE_LABELS[org.type]}</td>
                <td>{org.province ? PROVINCE_LABELS[org.province] : '—'}</td>
                <td>{org.address?.city ?? '—'}</td>
                <td>{org.active ? 'Actief' : 'Gedeactiveerd'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
