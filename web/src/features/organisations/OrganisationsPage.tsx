import { Link } from 'react-router';
import { FilterSearch, FilterSelect, ListFailed, useListQuery } from '../../forms/filters';
import { useQueryFilters } from '../../forms/useQueryFilters';
import { type Organisation, PROVINCE_LABELS, provinceOptions, TYPE_LABELS } from './labels';

/** The admin's list of schools and services, filtered by kind, province and name. */
export function OrganisationsPage() {
  const filters = useQueryFilters();
  const { items, failed } = useListQuery<Organisation>('/organisations', filters.query);
  return (
    <>
      <div className="page-head">
        <h1>Organisaties</h1>
        <Link className="button" to="/organisaties/nieuw">
          Nieuwe organisatie
        </Link>
      </div>
      <div className="filters">
        <FilterSelect
          label="Soort"
          name="type"
          filters={filters}
          options={[
            { value: 'school', label: 'Scholen' },
            { value: 'service', label: 'Diensten' },
          ]}
        />
        <FilterSelect label="Provincie" name="province" filters={filters} options={provinceOptions} />
        <FilterSearch label="Naam" name="q" filters={filters} />
      </div>
      <ListFailed failed={failed} />
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
