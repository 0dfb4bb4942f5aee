import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { DecisionStatus, RequestDetail, RequestListItem } from '#contract/requests';
import { ApiError, api } from '../../api/client';
import { Writable } from '../../app/auth/Writable';
import { DECISION_LABELS, PROGRAMME_LABELS, PROVINCE_LABELS, TRANSPORT_LABELS } from '../../labels';
import { number, shortPeriod } from '../../ui/format';
import { failureText } from '../../ui/QueryState';
import { RequestDetails } from './RequestDetails';

/** One student in a service's list, with "meer info" unfolding below it. */
export function RequestRow({
  item,
  onAccept,
  canAccept,
  onDecided,
  onGone,
}: {
  item: RequestListItem;
  onAccept: () => void;
  canAccept: boolean;
  onDecided: (detail: RequestDetail) => void;
  onGone: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const choose = useMutation({
    mutationFn: (status: Exclude<DecisionStatus, 'accepted'>) =>
      api('PUT /api/requests/{studentId}/decision', { path: { studentId: item.id }, body: { status } }),
    onSuccess: onDecided,
    onError: (error) => {
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) onGone(error.message);
    },
  });
  // The choice shows at once; if it is refused, the list's own status shows again.
  const status: DecisionStatus = choose.isPending ? choose.variables : item.status;
  const problem =
    choose.error && !(choose.error instanceof ApiError && [404, 409].includes(choose.error.status))
      ? failureText(choose.error, 'Bewaren lukte niet.')
      : null;

  // Exactly the choices the rules allow now; accepting goes through the dialog (mentor, notes).
  const options = [...new Set([status, ...item.choices])].filter((s) => s !== 'accepted');
  const r = item.residence;
  return (
    <>
      <tr>
        <td>
          <strong>
            {item.lastName} {item.firstName}
          </strong>
          {item.stopped && <span className="badge status-stopped"> gestopt</span>}
          {item.programme && <div className="hint">{PROGRAMME_LABELS[item.programme]}</div>}
          {item.todo && (
            <span className="badge status-open" title="Uitgenodigd meer dan 14 dagen geleden">
              {' '}
              uitkomst invullen
            </span>
          )}
        </td>
        <td data-label="School">{item.school.name}</td>
        {/* Where the student lives, and apart from it the province the internship is asked in. */}
        <td data-label="Woonplaats">
          {r.postcode} {r.city}
          <div className="hint">stage in {PROVINCE_LABELS[r.province]}</div>
        </td>
        {/* Postcode to postcode as the crow flies: an approximation, hence "ca.". */}
        <td data-label="Afstand" className="distance">
          {item.distanceKm === null ? '–' : `ca. ${number(item.distanceKm)} km`}
        </td>
        {/* Accepted: the periods this service agreed to, not every period the school asked for. */}
        <td data-label="Periodes">
          <ul className="plain periods-list">
            {(item.placement?.periods ?? item.periods).map((p) => (
              <li key={p.start}>{shortPeriod(p)}</li>
            ))}
          </ul>
        </td>
        <td data-label="Vervoer">{item.transport.map((t) => TRANSPORT_LABELS[t]).join(', ')}</td>
        <td data-label="Uren">{number(item.totalHours)}</td>
        {/* Accepted: a fact, under its label on a phone's card; otherwise the row's actions. */}
        <td data-label={status === 'accepted' ? 'Status' : undefined}>
          {status === 'accepted' ? (
            <>
              <span className="badge status-accepted">{DECISION_LABELS.accepted}</span>
              {item.placement && (
                <dl className="placement-summary">
                  <dt>Mentor</dt>
                  <dd>
                    {item.placement.contact.name}
                    <div className="hint">
                      {item.placement.contact.phone} · {item.placement.contact.email}
                    </div>
                  </dd>
                  {item.placement.notes && (
                    <>
                      <dt>Afspraken</dt>
                      <dd>{item.placement.notes}</dd>
                    </>
                  )}
                </dl>
              )}
            </>
          ) : (
            <Writable instead={DECISION_LABELS[status]}>
              <div className="actions">
                <select
                  aria-label={`Status van ${item.firstName} ${item.lastName}`}
                  value={status}
                  onChange={(e) => choose.mutate(e.target.value as Exclude<DecisionStatus, 'accepted'>)}
                >
                  {options.map((s) => (
                    <option key={s} value={s}>
                      {DECISION_LABELS[s]}
                    </option>
                  ))}
                </select>
                {item.choices.includes('accepted') && (
                  <button
                    type="button"
                    onClick={onAccept}
                    disabled={!canAccept}
                    title={canAccept ? undefined : 'Voeg eerst een contactpersoon toe.'}
                  >
                    Aanvaarden
                  </button>
                )}
              </div>
            </Writable>
          )}
          {problem && <p className="field-error">{problem}</p>}
        </td>
        <td className="row-more">
          <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
            Meer info
          </button>
        </td>
      </tr>
      {open && <RequestDetails id={item.id} onGone={onGone} />}
    </>
  );
}
