import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AdminStudentDetail, RevealedPersonalData } from '#contract/admin';
import { ApiError, api } from '../../api/client';
import { Writable } from '../../app/auth/Writable';
import {
  ADMIN_STUDENT_STATUS_LABELS,
  DECISION_LABELS,
  FORM_LABELS,
  PROVINCE_LABELS,
  statusCountLabel,
  TRACK_LABELS,
  TRANSPORT_LABELS,
  WEEKDAY_LABELS,
} from '../../labels';
import { longDate, number, period, shortDateTime } from '../../ui/format';
import { failureText, QueryState } from '../../ui/QueryState';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { TableScroll } from '../../ui/TableScroll';
import { adminKey, adminStudentQuery } from './queries';
import { StatusCounts } from './StatusCounts';

const dateTime = new Intl.DateTimeFormat('nl-BE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Brussels',
});

/** One student for the sector: the request, the placement, the history, and the personal data on request. */
export function AdminStudentPage() {
  const { id = '' } = useParams();
  const student = useQuery(adminStudentQuery(id));
  if (student.error instanceof ApiError && student.error.status === 404) {
    return <p role="alert">Deze leerling bestaat niet.</p>;
  }
  return <QueryState query={student}>{(s) => <StudentView student={s} />}</QueryState>;
}

function StudentView({ student: s }: { student: AdminStudentDetail }) {
  const i = s.internship;
  return (
    <>
      <p>
        <Link to="/alle-leerlingen">← Alle leerlingen</Link>
      </p>
      <div className="page-head">
        <h1>
          {s.firstName} {s.lastName}
        </h1>
        <span className={`badge status-${s.status}`}>{ADMIN_STUDENT_STATUS_LABELS[s.status]}</span>
      </div>
      <div className="columns">
        <div>
          {s.placement && (
            <section className="card" aria-labelledby="placement-title">
              <h2 id="placement-title">Plaatsing</h2>
              <dl className="facts">
                <dt>Dienst</dt>
                <dd>{s.placement.serviceName}</dd>
                <dt>Periode</dt>
                <dd>{s.placement.periods.map(period).join(', ') || '—'}</dd>
                <dt>Aanvaard op</dt>
                <dd>{longDate(s.placement.acceptedAt)}</dd>
                <dt>Mentor</dt>
                <dd>{s.placementDetail?.contact.name ?? '—'}</dd>
                <dt>Notities</dt>
                <dd>{s.placementDetail?.notes || '—'}</dd>
              </dl>
              <Release student={s} />
            </section>
          )}
          <section className="card" aria-labelledby="request-title">
            <h2 id="request-title">Aanvraag</h2>
            <dl className="facts">
              <dt>School</dt>
              <dd>{s.school.name}</dd>
              <dt>Opleidingsvorm</dt>
              <dd>{TRACK_LABELS[s.track]}</dd>
              <dt>Adres</dt>
              <dd>
                {s.address.street}, {s.address.postcode} {s.address.city}
              </dd>
              <dt>Provincie stage</dt>
              <dd>{PROVINCE_LABELS[s.residence.province]}</dd>
              <dt>Vervoer</dt>
              <dd>{s.transport.map((m) => TRANSPORT_LABELS[m] ?? m).join(', ') || '—'}</dd>
              <dt>Begeleider</dt>
              <dd>{s.supervisor?.name ?? '—'}</dd>
              <dt>Stagevorm</dt>
              <dd>{FORM_LABELS[i.form]}</dd>
              <dt>Uren</dt>
              <dd>
                {number(i.totalHours)} in totaal{i.hoursPerWeek ? `, ${number(i.hoursPerWeek)} per week` : ''}
              </dd>
              <dt>Gevraagde periodes</dt>
              <dd>{i.periods.map(period).join(', ')}</dd>
              {i.weekdays && i.weekdays.length > 0 && (
                <>
                  <dt>Weekdagen</dt>
                  <dd>{i.weekdays.map((d) => WEEKDAY_LABELS[d]).join(', ')}</dd>
                </>
              )}
              <dt>Opmerkingen</dt>
              <dd>{[s.remarks, i.remarks].filter(Boolean).join(' · ') || '—'}</dd>
              <dt>Ingevoerd op</dt>
              <dd>{longDate(s.registeredAt)}</dd>
              <dt>Zichtbaar vanaf</dt>
              <dd>{longDate(s.visibleFrom)}</dd>
              {s.stoppedAt && (
                <>
                  <dt>Gestopt op</dt>
                  <dd>{longDate(s.stoppedAt)}</dd>
                </>
              )}
            </dl>
          </section>
          <Decisions student={s} />
        </div>
        <div>
          <PersonalData student={s} />
          <section className="card" aria-labelledby="counts-title">
            <h2 id="counts-title">Keuzes van diensten</h2>
            <StatusCounts counts={s.statusCounts} />
          </section>
          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title">Geschiedenis</h2>
            {s.history.length === 0 && s.releases.length === 0 ? (
              <p>Nog geen dienst koos een status voor deze leerling.</p>
            ) : (
              <ol className="timeline">
                {timeline(s).map((h) => (
                  <li key={h.key}>
                    <time dateTime={h.at}>{dateTime.format(new Date(h.at))}</time>
                    {h.item}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </>
  );
}

/** The services' decisions and the sector's releases, in time order. */
function timeline(s: AdminStudentDetail) {
  return [
    ...s.history.map((h) => ({
      key: `${h.at}-${h.serviceId}-${h.personId}`,
      at: h.at,
      item: (
        <div>
          <strong>{statusCountLabel(h.status)}</strong> door {h.serviceName ?? 'een verwijderde dienst'}
          <div className="hint">{h.personName ?? 'onbekende persoon'}</div>
        </div>
      ),
    })),
    ...s.releases.map((r) => ({
      key: `release-${r.at}`,
      at: r.at,
      item: (
        <div>
          <strong>Plaatsing bij {r.serviceName} vrijgegeven</strong> door {r.by.name} (sector)
          <div className="hint">Reden: {r.reason}</div>
        </div>
      ),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * The sector undoes a placement that fell through, with a reason; a service's pending request to do
 * so shows here, to approve (release) or decline.
 */
function Release({ student: s }: { student: AdminStudentDetail }) {
  const [open, setOpen] = useState<'release' | 'decline' | null>(null);
  const request = s.releaseRequest?.status === 'pending' ? s.releaseRequest : null;
  const name = `${s.firstName} ${s.lastName}`;
  return (
    <>
      {request && (
        <div className="alert alert-warn" role="status">
          <strong>{request.serviceName} vraagt deze plaatsing vrij te geven</strong> (
          {shortDateTime(request.requestedAt)}, {request.requestedBy.name}).
          <div>Reden: {request.reason}</div>
        </div>
      )}
      <Writable>
        <div className="actions">
          <button type="button" onClick={() => setOpen('release')}>
            {request ? 'Goedkeuren: plaatsing vrijgeven' : 'Plaatsing vrijgeven'}
          </button>
          {request && (
            <button type="button" className="secondary" onClick={() => setOpen('decline')}>
              Vraag weigeren
            </button>
          )}
        </div>
      </Writable>
      {open === 'release' && (
        <ReasonDialog
          title={`Plaatsing van ${name} vrijgeven`}
          submitLabel="Plaatsing vrijgeven"
          action={(reason) =>
            api('POST /api/admin/students/{id}/release', { path: { id: s.id }, body: { reason } })
          }
          invalidates={[adminKey]}
          onClose={() => setOpen(null)}
        >
          <div className="alert alert-warn">
            {name} staat daarna opnieuw zonder plaats en is weer zichtbaar voor de diensten, volgens de ronde
            die nu loopt. {s.placement?.serviceName} ziet de persoonsgegevens niet meer. De school en de
            dienst krijgen elk een mail met de reden.
          </div>
        </ReasonDialog>
      )}
      {open === 'decline' && (
        <ReasonDialog
          title="Vraag om vrij te geven weigeren"
          submitLabel="Vraag weigeren"
          action={(reason) =>
            api('POST /api/admin/students/{id}/release-request/decline', {
              path: { id: s.id },
              body: { reason },
            })
          }
          invalidates={[adminKey]}
          onClose={() => setOpen(null)}
        >
          <p>De plaatsing blijft. {s.placement?.serviceName} krijgt een mail met de reden.</p>
        </ReasonDialog>
      )}
    </>
  );
}

/**
 * Where every service that decided stands now: its status, since when, and for a dual student
 * when it first invited them (the counts above add up choices; this is each service's last one).
 */
function Decisions({ student: s }: { student: AdminStudentDetail }) {
  const dual = s.track === 'dual';
  return (
    <section className="card" aria-labelledby="decisions-title">
      <h2 id="decisions-title">Beslissingen per dienst</h2>
      {s.decisions.length === 0 ? (
        <p>Nog geen dienst nam een beslissing over deze leerling.</p>
      ) : (
        <TableScroll label="Beslissingen per dienst">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Dienst</th>
                <th scope="col">Status</th>
                <th scope="col">Sinds</th>
                {dual && <th scope="col">Uitgenodigd op</th>}
              </tr>
            </thead>
            <tbody>
              {s.decisions.map((d) => (
                <tr key={d.serviceId}>
                  <td data-label="Dienst">{d.serviceName ?? 'een verwijderde dienst'}</td>
                  <td data-label="Status">{DECISION_LABELS[d.status]}</td>
                  <td data-label="Sinds">
                    <time dateTime={d.decidedAt}>{shortDateTime(d.decidedAt)}</time>
                  </td>
                  {dual && (
                    <td data-label="Uitgenodigd op">
                      {d.invitedAt ? <time dateTime={d.invitedAt}>{shortDateTime(d.invitedAt)}</time> : '—'}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** Masked until the admin asks; each reveal is written in the audit log, so it says so first. */
function PersonalData({ student: s }: { student: AdminStudentDetail }) {
  const [shown, setShown] = useState<RevealedPersonalData | null>(null);
  const reveal = useMutation({
    mutationFn: () => api('POST /api/admin/students/{id}/reveal', { path: { id: s.id } }),
    onSuccess: setShown,
  });
  const data = shown ?? s.personal;
  return (
    <section className="card" aria-labelledby="personal-title">
      <h2 id="personal-title">Persoonsgegevens</h2>
      <dl className="facts facts-wide" aria-live="polite">
        <dt>Rijksregisternummer</dt>
        <dd>{data.nationalNumber}</dd>
        <dt>E-mailadres</dt>
        <dd>{data.email}</dd>
        <dt>Telefoon</dt>
        <dd>{data.phone}</dd>
      </dl>
      {shown ? (
        <p>
          <button type="button" className="secondary" onClick={() => setShown(null)}>
            Verberg
          </button>
        </p>
      ) : (
        <>
          <p className="hint" id="reveal-hint">
            Deze gegevens zijn verborgen. Wie ze toont, komt met naam en tijdstip in de auditlog.
          </p>
          <p>
            <button
              type="button"
              aria-describedby="reveal-hint"
              disabled={reveal.isPending}
              onClick={() => reveal.mutate()}
            >
              {reveal.isPending ? 'Bezig…' : 'Toon'}
            </button>
          </p>
          {reveal.isError && (
            <div className="alert alert-error" role="alert">
              {failureText(reveal.error, 'De gegevens konden niet getoond worden.')}
            </div>
          )}
        </>
      )}
    </section>
  );
}
