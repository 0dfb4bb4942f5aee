import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Organisation, Person } from '#contract/organisations';
import { api } from '../../api/client';
import { PERSON_STATUS_LABELS } from '../../labels';
import { CardTable } from '../../ui/CardTable';
import { FormMessage, TextField } from '../../ui/fields';
import type { NoticeState } from '../../ui/Notice';
import { failureText, QueryState } from '../../ui/QueryState';
import { EmailCell } from '../../ui/UnreachableNote';
import { field, useSubmit } from '../../ui/useSubmit';
import { membersQuery } from './queries';

/** The people who log in for an organisation: invite, invite again, deactivate. */
export function MembersSection({
  organisation,
  onNotice,
}: {
  organisation: Organisation;
  onNotice: (notice: NoticeState) => void;
}) {
  const id = organisation.id;
  const members = useQuery(membersQuery(id));
  const [correcting, setCorrecting] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: membersQuery(id).queryKey });
  const failed = (error: unknown) => onNotice({ kind: 'error', text: failureText(error, 'Dat lukte niet.') });

  const invite = useSubmit(
    (data) =>
      api('POST /api/organisations/{id}/members', {
        path: { id },
        body: { email: field(data, 'email'), name: field(data, 'name') },
      }),
    (person) => onNotice({ kind: 'ok', text: `${person.name} kreeg een uitnodiging op ${person.email}.` }),
    { invalidates: [membersQuery(id).queryKey], clearOnDone: true },
  );
  const resend = useMutation({
    mutationFn: (person: Person) =>
      api('POST /api/auth/resend-activation', { body: { email: person.email } }),
    onSuccess: (_, person) =>
      onNotice({ kind: 'ok', text: `Nieuwe uitnodiging verstuurd naar ${person.email}.` }),
    onError: failed,
  });
  const deactivate = useMutation({
    mutationFn: (person: Person) =>
      api('DELETE /api/organisations/{id}/members/{memberId}', { path: { id, memberId: person.id } }),
    onSuccess: async (person) => {
      await refresh();
      onNotice({ kind: 'ok', text: `${person.name} is gedeactiveerd.` });
    },
    onError: failed,
  });

  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">Personen</h2>
      <QueryState query={members}>
        {({ items }) =>
          items.length === 0 ? (
            <p>Nog niemand. Nodig hieronder de eerste persoon uit.</p>
          ) : (
            <CardTable label="Personen">
              <thead>
                <tr>
                  <th scope="col">Naam</th>
                  <th scope="col">E-mailadres</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Acties</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((person) =>
                  correcting === person.id ? (
                    <CorrectEmailRow
                      key={person.id}
                      organisationId={id}
                      person={person}
                      onClose={() => setCorrecting(null)}
                      onNotice={onNotice}
                    />
                  ) : (
                    <tr key={person.id}>
                      <td>{person.name}</td>
                      <EmailCell email={person.email} unreachable={person.unreachable} />
                      <td data-label="Status">{PERSON_STATUS_LABELS[person.status]}</td>
                      <td className="actions">
                        {person.unreachable && (
                          <button
                            type="button"
                            className="secondary"
                            onClick={() => setCorrecting(person.id)}
                          >
                            Adres verbeteren
                          </button>
                        )}
                        {person.status === 'invited' && !person.unreachable && (
                          <button
                            type="button"
                            className="secondary"
                            disabled={resend.isPending}
                            onClick={() => resend.mutate(person)}
                          >
                            Uitnodiging opnieuw sturen
                          </button>
                        )}
                        {person.status !== 'deactivated' && (
                          <button
                            type="button"
                            className="danger"
                            disabled={deactivate.isPending}
                            onClick={() => {
                              if (
                                window.confirm(
                                  `${person.name} deactiveren? Deze persoon kan zich dan niet meer aanmelden.`,
                                )
                              )
                                deactivate.mutate(person);
                            }}
                          >
                            Deactiveren
                          </button>
                        )}
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </CardTable>
          )
        }
      </QueryState>
      <h3>Iemand uitnodigen</h3>
      <form onSubmit={invite.onSubmit} noValidate className="form">
        <FormMessage error={invite.error} />
        <TextField label="Naam" name="name" required error={invite.errors.name} />
        <TextField label="E-mailadres" name="email" type="email" required error={invite.errors.email} />
        <button type="submit" disabled={invite.busy || !organisation.active}>
          Uitnodiging versturen
        </button>
      </form>
    </section>
  );
}

/**
 * The address of a person whose mails bounced: another one moves an invited person to it (then
 * "Uitnodiging opnieuw sturen" mails the new link); the same one again says it works again.
 */
function CorrectEmailRow({
  organisationId,
  person,
  onClose,
  onNotice,
}: {
  organisationId: string;
  person: Person;
  onClose: () => void;
  onNotice: (notice: NoticeState) => void;
}) {
  const correct = useSubmit(
    (data) =>
      api('PATCH /api/organisations/{id}/members/{memberId}', {
        path: { id: organisationId, memberId: person.id },
        body: { email: field(data, 'email') },
      }),
    (saved) => {
      onClose();
      onNotice({
        kind: 'ok',
        text:
          saved.email === person.email
            ? `We mailen opnieuw naar ${saved.email}.`
            : `Het adres van ${saved.name} is nu ${saved.email}.`,
      });
    },
    { invalidates: [membersQuery(organisationId).queryKey] },
  );
  return (
    <tr>
      <td colSpan={4}>
        <form onSubmit={correct.onSubmit} noValidate className="inline-form">
          <FormMessage error={correct.error} />
          <TextField
            label={`Juist e-mailadres van ${person.name}`}
            name="email"
            type="email"
            defaultValue={person.email}
            error={correct.errors.email}
            hint="Laat je het adres ongewijzigd, dan proberen we opnieuw naar dit adres te mailen."
          />
          <div className="actions">
            <button type="submit" disabled={correct.busy}>
              Adres bewaren
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              Annuleren
            </button>
          </div>
        </form>
      </td>
    </tr>
  );
}
