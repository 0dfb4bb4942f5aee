import { Link } from 'react-router';
import { FilterSearch, FilterSelect, ListFailed, useListQuery } from '../../forms/filters';
import { useQueryFilters } from '../../forms/useQueryFilters';
import { longDate, period, STATUS_LABELS, type StudentItem, TRACK_LABELS } from './labels';

/** All the school's students and where each was placed. */
export function StudentsPage() {
  const filters = useQueryFilters();
  const { items, failed } = useListQuery<StudentItem>('/students', filters.query);
  const options = (labels: Record<string, string>) =>
    Object.entries(labels).map(([value, label]) => ({ value, label }));

  return (
    <>
      <div className="page-head">
        <h1>Leerlingen</h1>
        <Link className="button" to="/leerlingen/nieuw">
          Leerling toevoegen
        </Link>
      </div>
      <div className="filters">
        <FilterSelect label="Opleidingsvorm" name="track" filters={filters} options={options(TRACK_LABELS)} />
        <FilterSelect label="Status" name="status" filters={filters} options={options(STATUS_LABELS)} />
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
      <ListFailed failed={failed} />
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
