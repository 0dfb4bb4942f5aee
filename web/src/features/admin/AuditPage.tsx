import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntry } from '#contract/audit';
import { AUDIT_ACTION_LABELS, optionsOf, ROLE_LABELS } from '../../labels';
import { CardTable } from '../../ui/CardTable';
import { FilterPanel } from '../../ui/FilterPanel';
import { FilterSelect } from '../../ui/filters';
import { FirstPageFailed, LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/QueryState';
import { type QueryFilters, useQueryFilters } from '../../ui/useQueryFilters';
import { auditQuery } from './queries';

const when = new Intl.DateTimeFormat('nl-BE', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Brussels',
});

const SUBJECT_LABELS: Record<string, string> = {
  student: 'Leerling',
  person: 'Persoon',
  organisation: 'Organisatie',
  import: 'Bestand',
  list: 'Lijst',
  export: 'Export',
  students: 'Leerlingenbestand',
  mailing: 'Mailing',
  'school-year': 'Schooljaar',
};
const DETAIL_LABELS: Record<string, string> = {
  fields: 'getoond',
  imported: 'geïmporteerd',
  invited: 'uitgenodigd',
  errors: 'fouten',
  rows: 'rijen',
  skipped: 'overgeslagen',
  recipients: 'ontvangers',
  students: 'leerlingen',
  files: 'bestanden',
  items: 'gegevens',
  by: 'door',
};
/** Facts the entry already says in words elsewhere (the export's label names list and format). */
const SAID_ELSEWHERE = new Set(['list', 'format']);
const FIELD_LABELS: Record<string, string> = {
  nationalNumber: 'rijksregisternummer',
  email: 'e-mail',
  phone: 'telefoon',
};

/** The facts an entry carries besides who and what, in words; ids are left out. */
function detailsOf(entry: AuditEntry): string {
  return Object.entries(entry.details ?? {})
    .filter(([key]) => !/id$/i.test(key) && !SAID_ELSEWHERE.has(key))
    .map(([key, value]) => {
      const shown =
        key === 'fields'
          ? String(value)
              .split(',')
              .map((f) => FIELD_LABELS[f] ?? f)
              .join(', ')
          : String(value);
      return `${DETAIL_LABELS[key] ?? key}: ${shown}`;
    })
    .join(' · ');
}

function DateFilter({ label, name, filters }: { label: string; name: string; filters: QueryFilters }) {
  return (
    <label>
      {label}
      <input
        type="date"
        value={filters.params.get(name) ?? ''}
        onChange={(e) => filters.set(name, e.target.value)}
      />
    </label>
  );
}

/** What was done, in words: an import of students is not one of organisations. */
const actionOf = (entry: AuditEntry) =>
  entry.action === 'import' && entry.subject.kind === 'students'
    ? 'Import van leerlingen'
    : (AUDIT_ACTION_LABELS[entry.action] ?? entry.action);

/** Who saw or changed what, and when: names and ids only, never the personal data itself. */
export function AuditPage() {
  const filters = useQueryFilters();
  const list = useInfiniteQuery({ ...auditQuery(filters.query), placeholderData: keepPreviousData });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <h1>Auditlog</h1>
      <p className="hint">
        Elke keer iemand persoonsgegevens bekijkt of exporteert, een leerling aanvaardt of een account
        wijzigt. Het log bewaart wie, wat en wanneer, nooit de gegevens zelf, en blijft het hele schooljaar
        bewaard.
      </p>
      <FilterPanel filters={filters}>
        <div className="filters">
          <FilterSelect
            label="Handeling"
            name="action"
            filters={filters}
            options={optionsOf(AUDIT_ACTION_LABELS)}
          />
          <DateFilter label="Van" name="from" filters={filters} />
          <DateFilter label="Tot en met" name="to" filters={filters} />
        </div>
      </FilterPanel>
      <FirstPageFailed list={list} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p role="status">Geen handelingen gevonden.</p>
      ) : (
        <CardTable label="Auditlog">
          <thead>
            <tr>
              <th scope="col">Wanneer</th>
              <th scope="col">Wie</th>
              <th scope="col">Wat</th>
              <th scope="col">Onderwerp</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
                </td>
                <td data-label="Wie">
                  {e.actor ? (
                    <>
                      {e.actor.name}
                      <div className="hint">
                        {e.actor.organisationName ??
                          ROLE_LABELS[e.actor.role as keyof typeof ROLE_LABELS] ??
                          e.actor.role}
                      </div>
                    </>
                  ) : (
                    'Systeem'
                  )}
                </td>
                <td data-label="Wat">
                  {actionOf(e)}
                  {detailsOf(e) && <div className="hint">{detailsOf(e)}</div>}
                </td>
                <td data-label="Onderwerp">
                  {e.subject.label}
                  <div className="hint">{SUBJECT_LABELS[e.subject.kind] ?? e.subject.kind}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </CardTable>
      )}
      <LoadMore pages={list} />
    </>
  );
}
