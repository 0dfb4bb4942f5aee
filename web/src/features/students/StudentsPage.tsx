import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { StudentListItem } from '#contract/students-responses';
import { Writable } from '../../app/auth/Writable';
import { optionsOf, STUDENT_STATUS_LABELS, TRACK_LABELS, t } from '../../labels';
import { FilterPanel } from '../../ui/FilterPanel';
import { FilterSearch, FilterSelect } from '../../ui/filters';
import { LoadMore, usePaged } from '../../ui/LoadMore';
import { QueryState } from '../../ui/QueryState';
import { useQueryFilters } from '../../ui/useQueryFilters';
import { ExportButton } from '../exports/ExportButton';
import { studentListQuery } from './queries';
import { StudentsTable } from './StudentsTable';

/** All the school's students and where each was placed. */
export function StudentsPage() {
  const filters = useQueryFilters();
  const list = useQuery({ ...studentListQuery(filters.query), placeholderData: keepPreviousData });
  return (
    <>
      <div className="page-head">
        <h1>Leerlingen</h1>
        <div className="page-actions">
          <ExportButton list="school-students" filters={Object.fromEntries(filters.params)} />
          <Writable>
            <Link className="button secondary" to="/leerlingen/importeren">
              Importeren uit Excel
            </Link>
            <Link className="button" to="/leerlingen/nieuw">
              Leerling toevoegen
            </Link>
          </Writable>
        </div>
      </div>
      <FilterPanel filters={filters} title="Filters en sortering" refreshing={list.isPlaceholderData}>
        <div className="filters">
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
            options={optionsOf(STUDENT_STATUS_LABELS)}
          />
          <FilterSearch label="Naam" name="q" filters={filters} />
          <FilterSelect
            label="Sorteren"
            name="sort"
            filters={filters}
            all="Laatst ingevoerd eerst"
            options={[
              { value: 'registered', label: 'Eerst ingevoerd eerst' },
              { value: 'name', label: 'Naam a-z' },
              { value: '-name', label: 'Naam z-a' },
            ]}
          />
        </div>
      </FilterPanel>
      <QueryState query={list} failedMessage={t.listFailed}>
        {({ items }) =>
          items.length === 0 ? (
            <p>
              {filters.query
                ? 'Geen leerlingen gevonden.'
                : 'Nog geen leerlingen. Voeg je eerste leerling toe.'}
            </p>
          ) : (
            <StudentsList students={items} filters={filters.query} />
          )
        }
      </QueryState>
    </>
  );
}

/** A school may enter hundreds of students: the list shows them a page at a time. */
function StudentsList({ students, filters }: { students: StudentListItem[]; filters: string }) {
  const pages = usePaged(students, filters);
  return (
    <>
      <p role="status">
        {pages.total} {pages.total === 1 ? 'leerling' : 'leerlingen'}
        {pages.items.length < pages.total ? `, ${pages.items.length} getoond` : ''}.
      </p>
      <StudentsTable students={pages.items} />
      <LoadMore pages={pages} label="Meer leerlingen tonen" />
    </>
  );
}
