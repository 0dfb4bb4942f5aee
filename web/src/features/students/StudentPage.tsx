import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PROVINCE_LABELS } from '#contract/provinces';
import { ApiError, api } from '../../api/client';
import {
  FORM_LABELS,
  longDate,
  period,
  STATUS_LABELS,
  type StudentDetail,
  TRACK_LABELS,
  TRANSPORT_LABELS,
  WEEKDAY_LABELS,
} from './labels';

/** One student: the request as entered, and where the student was placed. */
export function StudentPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [s, setStudent] = useState<StudentDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    api<StudentDetail>(`/students/${id}`)
      .then(setStudent)
      .catch((e) =>
        setProblem(
          e instanceof ApiError && e.status === 404 ? 'Deze leerling bestaat niet.' : 'Laden lukte niet.',
        ),
      );
  }, [id]);

  async function act(kind: 'stop' | 'delete') {
    if (!s) return;
    const question =
      kind === 'stop'
        ? `${s.firstName} ${s.lastName} markeren als gestopt? Diensten die de leerling nog niet aanvaardden, zien de leerling dan niet meer.`
        : `${s.firstName} ${s.lastName} verwijderen? Doe dit enkel voor een leerling die per vergissing werd ingevoerd.`;
    if (!window.confirm(question)) return;
    try {
      if (kind === 'delete') {
        await api(`/students/${id}`, { method: 'DELETE' });
        navigate('/leerlingen');
      } else {
        await api(`/students/${id}/stop`, { method: 'POST' });
        setStudent(await api<StudentDetail>(`/students/${id}`));
      }
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'Dat lukte niet.');
    }
  }

  if (!s) return problem ? <p role="alert">{problem}</p> : <p>Laden…</p>;
  const i = s.internship;
  return (
    <>
      <p>
        <Link to="/leerlingen">← Alle leerlingen</Link>
      </p>
      <div className="page-head">
        <h1>
          {s.firstName} {s.lastName}
        </h1>
        <span className={`badge status-${s.status}`}>{STATUS_LABELS[s.status]}</span>
      </div>
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      {s.hiddenUntilBlackoutEnds && (
        <div className="alert alert-warn" role="status">
          Ingevoerd tijdens de zomerperiode: de diensten zien deze leerling vanaf {longDate(s.visibleFrom)}.
        </div>
      )}
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
          <dd>{PROVINCE_LABELS[s.province as keyof typeof PROVINCE_LABELS]}</dd>
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
          <dd>{i.hoursPerWeek ?? '—'}</dd>
          <dt>Totaal aantal uren</dt>
          <dd>{i.totalHours}</dd>
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
      <div className="actions">
        {s.editable ? (
          <Link className="button" to={`/leerlingen/${s.id}/wijzigen`}>
            Gegevens wijzigen
          </Link>
        ) : (
          <p className="hint">
            {s.status === 'stopped'
              ? 'Deze leerling is gestopt; de gegevens blijven bewaard maar kunnen niet meer gewijzigd worden.'
              : 'Een dienst aanvaardde deze leerling: de gegevens kunnen niet meer gewijzigd worden.'}
          </p>
        )}
        {s.status !== 'stopped' && (
          <button type="button" className="secondary" onClick={() => void act('stop')}>
            Leerling is gestopt
          </button>
        )}
        {s.status === 'open' && (
          <button type="button" className="danger" onClick={() => void act('delete')}>
            Verwijderen (foutief ingevoerd)
          </button>
        )}
      </div>
    </>
  );
}
