import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { FormMessage, SelectField, TextField } from '../../forms/fields';
import { field, useSubmit } from '../../forms/useSubmit';
import { period } from '../school/labels';
import type { Contact, RequestDetail, RequestItem } from './types';

/**
 * Accepting is final and exclusive: the dialog says so before the click, and when another service
 * was first it says that plainly instead of pretending.
 */
export function AcceptDialog({
  student,
  contacts,
  onAccepted,
  onTakenElsewhere,
  onClose,
}: {
  student: RequestItem;
  contacts: Contact[];
  onAccepted: (detail: RequestDetail) => void;
  onTakenElsewhere: (message: string) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [periods, setPeriods] = useState<number[]>(student.periods.map((_, i) => i));
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const { onSubmit, busy, errors, error } = useSubmit(
    async (data) => {
      try {
        return await api<RequestDetail>(`/requests/${student.id}/decision`, {
          method: 'PUT',
          json: {
            status: 'accepted',
            contactId: field(data, 'contactId'),
            periods,
            notes: field(data, 'notes'),
          },
        });
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          onTakenElsewhere(e.message);
          return null;
        }
        throw e;
      }
    },
    (detail) => detail && onAccepted(detail),
  );
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="accept-title" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="form">
        <h2 id="accept-title">
          {student.firstName} {student.lastName} aanvaarden
        </h2>
        <div className="alert alert-warn">
          Een aanvaarding is definitief: je kan ze niet meer ongedaan maken. De leerling verdwijnt uit de
          lijst van de andere diensten en de school ziet jouw dienst en contactpersoon.
        </div>
        <FormMessage error={error} />
        <SelectField
          label="Contactpersoon"
          name="contactId"
          options={[
            { value: '', label: 'Kies een contactpersoon' },
            ...contacts.map((c) => ({ value: c.id, label: c.name })),
          ]}
          error={errors.contactId}
        />
        <fieldset className={`field${errors.periods ? ' field-invalid' : ''}`}>
          <legend>Periodes bij jouw dienst</legend>
          {student.periods.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a period is identified by its index; that is what the API takes.
            <label key={i} className="checkbox">
              <input
                type="checkbox"
                checked={periods.includes(i)}
                onChange={(e) =>
                  setPeriods(e.target.checked ? [...periods, i].sort() : periods.filter((x) => x !== i))
                }
              />{' '}
              Periode {i + 1}: {period(p)}
            </label>
          ))}
          {errors.periods && <p className="field-error">{errors.periods}</p>}
        </fieldset>
        <TextField label="Notities voor de school" name="notes" error={errors.notes} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Bezig…' : 'Definitief aanvaarden'}
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            Annuleren
          </button>
        </div>
      </form>
    </dialog>
  );
}
