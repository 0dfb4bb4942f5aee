import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Organisation } from '#contract/organisations';
import { useProvinceOptions } from '../../app/auth/useProvinceOptions';
import { Writable } from '../../app/auth/Writable';
import { ORGANISATION_TYPE_LABELS, PROVINCE_LABELS, t } from '../../labels';
import { CardTable } from '../../ui/CardTable';
import { FilterPanel } from '../../ui/FilterPanel';
import { FilterSearch, FilterSelect } from '../../ui/filters';
import { LoadMore, usePaged } from '../../ui/LoadMore';
import { QueryState } from '../../ui/QueryState';
import { useQueryFilters } from '../../ui/useQueryFilters';
import { ExportButton } from '../exports/ExportButton';
import { organisationListQuery } from './queries';

/** The admin's list of schools and services, filtered by kind, province and name. */
export function OrganisationsPage() {
  const provinces = useProvinceOptions();
  const filters = useQueryFilters();
  const list = useQuery({ ...organisationListQuery(filters.query), placeholderData: keepPreviousData });
  return (
    <>
      <div className="page-head">
        <h1>Organisaties</h1>
        <div className="page-actions">
          <ExportButton list="admin-organisations" filters={Object.fromEntries(filters.params)} />
          <Writable>
            <Link className="button" to="/organisaties/nieuw">
              Nieuwe organisatie
            </Link>
          </Writable>
        </div>
      </div>
      <FilterPanel filters={filters} refreshing={list.isPlaceholderData}>
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
          <FilterSelect label="Provincie" name="province" filters={filters} options={provinces} />
          <FilterSearch label="Naam" name="q" filters={filters} />
        </div>
      </FilterPanel>
      <QueryState query={list} failedMessage={t.listFailed}>
        {({ items }) =>
          items.length === 0 ? (
            <p>Geen organisaties gevonden.</p>
          ) : (
            <OrganisationsList organisations={items} filters={filters.query} />
          )
        }
      </QueryState>
    </>
  );
}

/** Every school and service: a few hundred, shown a page at a time. */
function OrganisationsList({ organisations, filters }: { organisations: Organisation[]; filters: string }) {
  const pages = usePaged(organisations, filters);
  return (
    <>
      <p role="status">
        {pages.total} {pages.total === 1 ? 'organisatie' : 'organisaties'}
        {pages.items.length < pages.total ? `, ${pages.items.length} getoond` : ''}.
      </p>
      <CardTable label="Organisaties">
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
          {pages.items.map((org) => (
            <tr key={org.id}>
              <td>
                <Link to={`/organisaties/${org.id}`}>{org.name}</Link>
              </td>
              <td data-label="Soort">{ORGANISATION_TYPE_LABELS[org.type]}</td>
              <td data-label="Provincie">{org.province ? PROVINCE_LABELS[org.province] : '—'}</td>
              <td data-label="Gemeente">{org.address?.city ?? '—'}</td>
              <td data-label="Status">{org.active ? 'Actief' : 'Gedeactiveerd'}</td>
            </tr>
          ))}
        </tbody>
      </CardTable>
      <LoadMore pages={pages} label="Meer organisaties tonen" />
    </>
  );
}
