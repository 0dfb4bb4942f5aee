import { useEffect, useRef, useState } from 'react';
import type { Contact } from '#contract/people';
import type { RequestDetail, RequestListItem } from '#contract/requests';
import { ApiError, api } from '../../api/client';
import { t } from '../../labels';
import { FormMessage, SelectField, TextField } from '../../ui/fields';
import { period } from '../../ui/format';
import { field, useSubmit } from '../../ui/useSubmit';
import { contactsQuery } from '../people/queries';

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
  student: RequestListItem;
  contacts: Contact[];
  onAccepted: (detail: RequestDetail) => void;
  onTakenElsewhere: (message: string) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const dual = student.track === 'dual';
  // Dual: only mentors with room can be chosen; the others stay in the list, greyed, with the reason.
  const full = dual ? contacts.filter((c) => c.freeSlots === 0) : [];
  const choosable = contacts.filter((c) => !full.includes(c));
  const [periods, setPeriods] = useState<number[]>(student.periods.map((_, i) => i));
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const { onSubmit, busy, errors, error } = useSubmit(
    async (data) => {
      const body = {
        status: 'accepted',
        contactId: field(data, 'contactId'),
        // A dual learner takes on the whole request; the server fills in every period.
        ...(dual ? {} : { periods }),
        notes: field(data, 'notes'),
      } as const;
      try {
        return await api('PUT /api/requests/{studentId}/decision', { path: { studentId: student.id }, body });
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          onTakenElsewhere(e.message);
          return null;
        }
        throw e;
      }
    },
    (detail) => {
      if (detail) onAccepted(detail);
    },
    // The chosen contact person now counts one more acceptance.
    { invalidates: [contactsQuery.queryKey] },
  );
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="accept-title" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="form">
        <h2 id="accept-title">
          {student.firstName} {student.lastName} aanvaarden
        </h2>
        <div className="alert alert-warn">
          Een aanvaarding is definitief: je kan ze niet meer ongedaan maken. De leerling verdwijnt uit de
          lijst van de andere diensten en de school ziet jouw dienst en {dual ? 'mentor' : 'contactpersoon'}.
        </div>
        <FormMessage error={error} />
        <SelectField
          label={dual ? 'Mentor' : 'Contactpersoon'}
          name="contactId"
          options={[
            { value: '', label: dual ? 'Kies een mentor' : 'Kies een contactpersoon' },
            ...contacts.map((c) =>
              dual
                ? {
                    value: c.id,
                    label:
                      c.freeSlots === 0
                        ? `${c.name} — vol (${c.dualLearners} van ${c.capacity})`
                        : `${c.name} — nog ${c.freeSlots} ${c.freeSlots === 1 ? 'plaats' : 'plaatsen'} vrij`,
                    disabled: c.freeSlots === 0,
                  }
                : { value: c.id, label: c.name },
            ),
          ]}
          error={errors.contactId}
          // One person to choose from is no choice: it is filled in, and can still be read and changed.
          defaultValue={choosable.length === 1 ? choosable[0]!.id : ''}
        />
        {full.length > 0 && (
          <p className="hint" id="full-mentors">
            Grijs: {full.map((c) => c.name).join(', ')} {full.length === 1 ? 'begeleidt' : 'begeleiden'} al
            het maximum aantal duaal lerenden ({full[0]!.capacity} per mentor bij jouw dienst: 2 bij social
            profit, 3 bij een lokaal bestuur). Een plaats komt vrij als een leerling stopt.
          </p>
        )}
        {!dual && (
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
        )}
        <TextField label="Notities voor de school" name="notes" error={errors.notes} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t.busy : 'Definitief aanvaarden'}
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            Annuleren
          </button>
        </div>
      </form>
    </dialog>
  );
}
