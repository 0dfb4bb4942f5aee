import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { RequestDetail } from '#contract/requests';
import { ApiError } from '../../api/client';
import { FORM_LABELS, WEEKDAY_LABELS } from '../../labels';
import { longDate, number, period } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { TrainingContractForm } from '../trajectory/TrainingContractForm';
import { TrajectorySection } from '../trajectory/TrajectorySection';
import { requestQuery } from './queries';
import { ReleaseRequest } from './ReleaseRequest';

const COLUMNS = 9;

/** "Meer info" about a student: read when unfolded; personal data once this service accepted. */
export function RequestDetails({ id, onGone }: { id: string; onGone: (message: string) => void }) {
  const detail = useQuery(requestQuery(id));
  const gone = detail.error instanceof ApiError && detail.error.status === 404;
  useEffect(() => {
    if (gone) onGone('Deze leerling is niet meer zichtbaar voor jouw dienst.');
  }, [gone, onGone]);
  if (gone) return null;
  return (
    <tr className="details-row">
      <td colSpan={COLUMNS}>
        <QueryState query={detail}>
          {(d) => (
            <>
              <Facts detail={d} />
              {/* After the match: only the service that placed the student follows it (an invited
                  dual student's personal data show before that, their trajectory does not). */}
              {d.placement && d.track === 'dual' && (
                <TrainingContractForm studentId={id} contract={d.placement.trainingContract} />
              )}
              {d.placement && <ReleaseRequest detail={d} />}
              {d.placement && <TrajectorySection studentId={id} side="service" />}
            </>
          )}
        </QueryState>
      </td>
    </tr>
  );
}

function Facts({ detail }: { detail: RequestDetail }) {
  return (
    <dl className="facts">
      <dt>Stagevorm</dt>
      <dd>{FORM_LABELS[detail.form]}</dd>
      <dt>Uren per week</dt>
      <dd>{detail.hoursPerWeek === null ? '—' : number(detail.hoursPerWeek)}</dd>
      <dt>Totaal aantal uren</dt>
      <dd>{number(detail.totalHours)}</dd>
      <dt>Periodes</dt>
      <dd>
        De leerling moet {detail.periodCount} {detail.periodCount === 1 ? 'periode' : 'periodes'} stage lopen:{' '}
        {detail.periods.map(period).join(', ')}
      </dd>
      {detail.weekdays.length > 0 && (
        <>
          <dt>Weekdagen</dt>
          <dd>{detail.weekdays.map((d) => WEEKDAY_LABELS[d]).join(', ')}</dd>
        </>
      )}
      <dt>Stagebegeleider</dt>
      <dd>
        {detail.supervisorName ?? '—'}
        {detail.personal?.supervisor &&
          ` · ${detail.personal.supervisor.phone} · ${detail.personal.supervisor.email}`}
      </dd>
      <dt>Opmerkingen</dt>
      <dd>{[detail.remarks, detail.internshipRemarks].filter(Boolean).join(' · ') || '—'}</dd>
      <dt>Ingevoerd op</dt>
      <dd>{longDate(detail.registeredAt)}</dd>
      {detail.personal ? (
        <>
          <dt>Rijksregisternummer</dt>
          <dd>{detail.personal.nationalNumber}</dd>
          <dt>E-mailadres</dt>
          <dd>{detail.personal.email}</dd>
          <dt>Telefoon</dt>
          <dd>{detail.personal.phone}</dd>
          <dt>Adres</dt>
          <dd>
            {detail.personal.street}, {detail.residence.postcode} {detail.residence.city}
          </dd>
        </>
      ) : (
        <>
          <dt>Persoonsgegevens</dt>
          <dd className="hint">
            {detail.track === 'dual'
              ? 'Zichtbaar zodra je dienst de leerling uitnodigt op gesprek of aanvaardt.'
              : 'Zichtbaar nadat je dienst de leerling aanvaardde.'}
          </dd>
        </>
      )}
    </dl>
  );
}
