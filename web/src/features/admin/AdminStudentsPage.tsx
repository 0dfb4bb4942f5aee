import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { AdminStudentListItem } from '#contract/admin';
import { useProvinceOptions } from '../../app/auth/useProvinceOptions';
import { ADMIN_STUDENT_STATUS_LABELS, optionsOf, TRACK_LABELS } from '../../labels';
import { CardTable } from '../../ui/CardTable';
import { FilterPanel } from '../../ui/FilterPanel';
import { FilterSearch, FilterSelect } from '../../ui/filters';
import { period } from '../../ui/format';
import { FirstPageFailed, LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/QueryState';
import { useQueryFilters } from '../../ui/useQueryFilters';
import { ExportButton } from '../exports/ExportButton';
import { adminStudentsQuery } from './queries';
import { StatusCounts } from './StatusCounts';

/** Every student of every school, for the sector: where each stands and what services chose. */
export function AdminStudentsPage() {
  const provinces = useProvinceOptions();
  const filters = useQueryFilters();
  const list = useInfiniteQuery({ ...adminStudentsQuery(filters.query), placeholderData: keepPreviousData });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  return (
    <>
      <div className="page-head">
        <h1>Leerlingen</h1>
        <div className="page-actions">
          {/* The file holds what the filters below select, with the services' choices as columns. */}
          <ExportButton list="admin-students" filters={Object.fromEntries(filters.params)} />
        </div>
      </div>
      <FilterPanel filters={filters} refreshing={list.isPlaceholderData}>
        <div className="filters">
          <FilterSearch label="Naam" name="name" filters={filters} />
          <FilterSearch label="School" name="school" filters={filters} />
          <FilterSelect
            label="Opleidingsvorm"
            name="track"
            filters={filters}
            options={optionsOf(TRACK_LABELS)}
          />
          <FilterSelect
            label="Status"
            name="status"
            filters={filters}
            options={optionsOf(ADMIN_STUDENT_STATUS_LABELS)}
          />
          <FilterSelect label="Provincie" name="province" filters={filters} options={provinces} />
        </div>
      </FilterPanel>
      <FirstPageFailed list={list} />
      {list.isPending ? (
        <Loading />
      ) : (
        <>
          {total !== undefined && (
            <p role="status">
              {total === 0
                ? 'Geen leerlingen gevonden.'
                : `${total} ${total === 1 ? 'leerling' : 'leerlingen'}${items.length < total ? `, ${items.length} getoond` : ''}.`}
            </p>
          )}
          {items.length > 0 && <AdminStudentsTable students={items} />}
          <LoadMore pages={list} label="Meer leerlingen laden" />
        </>
      )}
    </>
  );
}

function AdminStudentsTable({ students }: { students: AdminStudentListItem[] }) {
  return (
    <CardTable label="Leerlingen">
      <thead>
        <tr>
          <th scope="col">Leerling</th>
          <th scope="col">Status</th>
          <th scope="col">School</th>
          <th scope="col">Stageplek</th>
          <th scope="col">Keuzes van diensten</th>
        </tr>
      </thead>
      <tbody>
        {students.map((s) => (
          <tr key={s.id}>
            <td>
              <Link to={`/alle-leerlingen/${s.id}`}>
                {s.lastName} {s.firstName}
              </Link>
              <div className="hint">
                {TRACK_LABELS[s.track]} · {s.residence.postcode} {s.residence.city}
              </div>
            </td>
            <td data-label="Status">
              <span className={`badge status-${s.status}`}>{ADMIN_STUDENT_STATUS_LABELS[s.status]}</span>
            </td>
            <td data-label="School">{s.school.name}</td>
            <td data-label="Stageplek">
              {s.placement ? (
                <>
                  {s.placement.serviceName}
                  <div className="hint">{s.placement.periods.map(period).join(', ')}</div>
                </>
              ) : (
                '—'
              )}
            </td>
            <td data-label="Keuzes">
              <StatusCounts counts={s.statusCounts} />
            </td>
          </tr>
        ))}
      </tbody>
    </CardTable>
  );
}
