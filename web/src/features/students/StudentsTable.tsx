import { Link } from 'react-router';
import type { StudentListItem } from '#contract/students-responses';
import { STUDENT_STATUS_LABELS, TRACK_LABELS } from '../../labels';
import { CardTable } from '../../ui/CardTable';
import { longDate, period } from '../../ui/format';
import { RuleBadge } from '../trajectory/HoursBars';

export function StudentsTable({ students }: { students: StudentListItem[] }) {
  return (
    <CardTable label="Leerlingen">
      <thead>
        <tr>
          <th scope="col">Leerling</th>
          <th scope="col">Status</th>
          <th scope="col">Stageplek</th>
          <th scope="col">Periode</th>
          <th scope="col">Mentor</th>
          <th scope="col">Notities</th>
          <th scope="col">Ingevoerd</th>
          <th scope="col">Uren (zorgkundige)</th>
        </tr>
      </thead>
      <tbody>
        {students.map((s) => (
          <tr key={s.id}>
            <td>
              <Link to={`/leerlingen/${s.id}`}>
                {s.lastName} {s.firstName}
              </Link>
              <div className="hint">
                {TRACK_LABELS[s.track]} · {s.address.postcode} {s.address.city}
              </div>
              {s.hiddenUntilBlackoutEnds && (
                <div className="badge badge-off">Zichtbaar voor diensten vanaf {longDate(s.visibleFrom)}</div>
              )}
            </td>
            <td data-label="Status">
              <span className={`badge status-${s.status}`}>{STUDENT_STATUS_LABELS[s.status]}</span>
            </td>
            <td data-label="Stageplek">{s.placement?.serviceName ?? '—'}</td>
            <td data-label="Periode">{(s.placement?.periods ?? s.periods).map(period).join(', ')}</td>
            <td data-label="Mentor">
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
            <td data-label="Notities">{s.placement?.notes || '—'}</td>
            <td data-label="Ingevoerd">{longDate(s.registeredAt)}</td>
            <td data-label="Uren">
              {s.hours ? (
                <>
                  {s.hours.total.toLocaleString('nl-BE')} uur
                  <div>
                    <RuleBadge rule={s.hours.rule} />
                  </div>
                </>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </CardTable>
  );
}
