import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import { PROVINCE_LABELS } from '../admin/labels';
import { FORM_LABELS, longDate, period, TRANSPORT_LABELS, WEEKDAY_LABELS } from '../school/labels';
import type { RequestDetail, RequestItem, Status } from './types';

export const STATUS_TEXT: Record<Status, string> = {
  undecided: 'Nog niet beslist',
  not_accepted: 'Niet aanvaard',
  accepted: 'Aanvaard',
};

/** One student in a service's list, with "meer info" unfolding below it. */
export function RequestRow({
  item,
  onAccept,
  onGone,
}: {
  item: RequestItem;
  onAccept: () => void;
  onGone: (message: string) => void;
}) {
  const [detail, setDetail] = useState<RequestDetail | null>(null);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>(item.status);
  const [problem, setProblem] = useState<string | null>(null);

  async function toggle() {
    setOpen(!open);
    if (!detail) {
      try {
        setDetail(await api<RequestDetail>(`/requests/${item.id}`));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404)
          onGone('Deze leerling is niet meer zichtbaar voor jouw dienst.');
      }
    }
  }

  async function choose(next: Status) {
    setProblem(null);
    try {
      const updated = await api<RequestDetail>(`/requests/${item.id}/decision`, {
        method: 'PUT',
        json: { status: next },
      });
      setStatus(updated.status);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 409 || e.status === 404)) onGone(e.message);
      else setProblem(e instanceof ApiError ? e.message : 'Bewaren lukte niet.');
    }
  }

  const r = item.residence;
  return (
    <>
      <tr>
        <td>
          <strong>
            {item.lastName} {item.firstName}
          </strong>
          {item.stopped && <span className="badge status-stopped"> gestopt</span>}
        </td>
        <td>{item.school.name}</td>
        <td>
          {r.postcode} {r.city}
          <div className="hint">{PROVINCE_LABELS[r.province as keyof typeof PROVINCE_LABELS]}</div>
        </td>
        <td>{item.periods.map(period).join(', ')}</td>
        <td>{item.transport.map((t) => TRANSPORT_LABELS[t]).join(', ')}</td>
        <td>{item.totalHours}</td>
        <td>
          {status === 'accepted' ? (
            <span className="badge status-accepted">Aanvaard</span>
          ) : (
            <div className="actions">
              <select
                aria-label={`Status van ${item.firstName} ${item.lastName}`}
                value={status}
                onChange={(e) => void choose(e.target.value as Status)}
              >
                <option value="undecided">{STATUS_TEXT.undecided}</option>
                <option value="not_accepted">{STATUS_TEXT.not_accepted}</option>
              </select>
              <button type="button" onClick={onAccept}>
                Aanvaarden
              </button>
            </div>
          )}
          {problem && <p className="field-error">{problem}</p>}
        </td>
        <td>
          <button type="button" className="secondary" aria-expanded={open} onClick={() => void toggle()}>
            Meer info
          </button>
        </td>
      </tr>
      {open && detail && (
        <tr className="details-row">
          <td colSpan={8}>
            <dl className="facts">
              <dt>Stagevorm</dt>
              <dd>{FORM_LABELS[detail.form]}</dd>
              <dt>Uren per week</dt>
              <dd>{detail.hoursPerWeek ?? '—'}</dd>
              <dt>Totaal aantal uren</dt>
              <dd>{detail.totalHours}</dd>
              <dt>Periodes</dt>
              <dd>
                De leerling moet {detail.periodCount} {detail.periodCount === 1 ? 'periode' : 'periodes'}{' '}
                stage lopen: {detail.periods.map(period).join(', ')}
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
                </>
              ) : (
                <>
                  <dt>Persoonsgegevens</dt>
                  <dd className="hint">Zichtbaar nadat je dienst de leerling aanvaardde.</dd>
                </>
              )}
            </dl>
          </td>
        </tr>
      )}
    </>
  );
}
