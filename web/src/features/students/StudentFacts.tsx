import { useQuery } from '@tanstack/react-query';
import type { StudentDetail } from '#contract/students-responses';
import { FORM_LABELS, PROVINCE_LABELS, TRACK_LABELS, TRANSPORT_LABELS, WEEKDAY_LABELS } from '../../labels';
import { longDate, number, period } from '../../ui/format';
import { PreferenceWarning } from './PreferenceWarning';
import { serviceOptionsQuery } from './queries';

/** A student's request as the school entered it, and where the student was placed. */
export function StudentFacts({ student: s }: { student: StudentDetail }) {
  const i = s.internship;
  const services = useQuery({ ...serviceOptionsQuery, enabled: Boolean(s.preferredServiceId) });
  const preferredService = services.data?.items.find((o) => o.id === s.preferredServiceId);
  const preferred = s.preferredServiceId ? (preferredService?.name ?? '…') : 'Geen voorkeur';
  return (
    <>
      {s.placement && (
        <section className="card" aria-labelledby="placement-title">
          <h2 id="placement-title">Stageplek</h2>
          <dl className="facts">
            <dt>Dienst</dt>
            <dd>{s.placement.serviceName}</dd>
            <dt>Periode</dt>
            <dd>{s.placement.periods.map(period).join(', ')}</dd>
            <dt>Mentor</dt>
            <dd>
              {s.placement.contact.name} · {s.placement.contact.phone} · {s.placement.contact.email}
            </dd>
            <dt>Notities</dt>
            <dd>{s.placement.notes || '—'}</dd>
          </dl>
        </section>
      )}
      <section className="card" aria-labelledby="student-title">
        <h2 id="student-title">Leerling</h2>
        <dl className="facts">
          <dt>Opleidingsvorm</dt>
          <dd>{TRACK_LABELS[s.track]}</dd>
          <dt>Rijksregisternummer</dt>
          <dd>{s.nationalNumber}</dd>
          <dt>E-mailadres</dt>
          <dd>{s.email}</dd>
          <dt>Telefoon</dt>
          <dd>{s.phone}</dd>
          <dt>Adres</dt>
          <dd>
            {s.address.street}, {s.address.postcode} {s.address.city}
          </dd>
          <dt>Provincie stage</dt>
          <dd>{PROVINCE_LABELS[s.province]}</dd>
          <dt>Vervoer</dt>
          <dd>{s.transport.map((t) => TRANSPORT_LABELS[t]).join(', ')}</dd>
          <dt>Opmerkingen</dt>
          <dd>{s.remarks || '—'}</dd>
          <dt>Ingevoerd op</dt>
          <dd>{longDate(s.registeredAt)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="internship-title">
        <h2 id="internship-title">Stage</h2>
        <dl className="facts">
          <dt>Begeleider</dt>
          <dd>{s.supervisorName ?? '—'}</dd>
          <dt>Stagevorm</dt>
          <dd>{FORM_LABELS[i.form]}</dd>
          <dt>Uren per week</dt>
          <dd>{i.hoursPerWeek === undefined || i.hoursPerWeek === null ? '—' : number(i.hoursPerWeek)}</dd>
          <dt>Totaal aantal uren</dt>
          <dd>{number(i.totalHours)}</dd>
          <dt>Voorkeursdienst</dt>
          <dd>
            {preferred}
            {!s.placement && <PreferenceWarning service={preferredService} province={s.province} />}
          </dd>
          <dt>Gevraagde periodes</dt>
          <dd>{i.periods.map(period).join(', ')}</dd>
          {i.weekdays && i.weekdays.length > 0 && (
            <>
              <dt>Weekdagen</dt>
              <dd>{i.weekdays.map((d) => WEEKDAY_LABELS[d]).join(', ')}</dd>
            </>
          )}
          <dt>Opmerkingen stage</dt>
          <dd>{i.remarks || '—'}</dd>
        </dl>
      </section>
    </>
  );
}
