import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ORGANISATION_TYPE_LABELS, PROVINCE_LABELS, provinceOptions, t } from '../../labels';
import { FilterSearch, FilterSelect } from '../../ui/filters';
import { QueryState } from '../../ui/QueryState';
import { TableScroll } from '../../ui/TableScroll';
import { useQueryFilters } from '../../ui/useQueryFilters';
import { ExportButton } from '../exports/ExportButton';
import { organisationListQuery } from './queries';

/** The admin's list of schools and services, filtered by kind, province and name. */
export function OrganisationsPage() {
  const filters = useQueryFilters();
  const list = useQuery({ ...organisationListQuery(filters.query), placeholderData: keepPreviousData });
  return (
    <>
      <div className="page-head">
        <h1>Organisaties</h1>
        <div className="page-actions">
          <ExportButton list="admin-organisations" filters={Object.fromEntries(filters.params)} />
          <Link className="button" to="/organisaties/nieuw">
            Nieuwe organisatie
          </Link>
        </div>
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
      <QueryState query={list} failedMessage={t.listFailed}>
        {({ items }) =>
          items.length === 0 ? (
            <p>Geen organisaties gevonden.</p>
          ) : (
            <TableScroll label="Organisaties">
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
                      <td>{ORGANISATION_TYPE_LABELS[org.type]}</td>
                      <td>{org.province ? PROVINCE_LABELS[org.province] : '—'}</td>
                      <td>{org.address?.city ?? '—'}</td>
                      <td>{org.active ? 'Actief' : 'Gedeactiveerd'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </QueryState>
    </>
  );
}
