import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { FormMessage, TextField } from '../../forms/fields';
import { field, useSubmit } from '../../forms/useSubmit';
import { type Organisation, type Person, STATUS_LABELS, TYPE_LABELS } from './labels';
import { OrganisationForm } from './OrganisationForm';

/** One organisation: its details and the people who log in for it. */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  const load = useCallback(async () => {
    try {
      const [org, members] = await Promise.all([
        api<Organisation>(`/organisations/${id}`),
        api<{ items: Person[] }>(`/organisations/${id}/members`),
      ]);
      setOrganisation(org);
      setPeople(members.items);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setMissing(true);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const invite = useSubmit(
    (data) =>
      api<Person>(`/organisations/${id}/members`, {
        method: 'POST',
        json: { email: field(data, 'email'), name: field(data, 'name') },
      }),
    (person) => {
      setNotice(`${person.name} kreeg een uitnodiging op ${person.email}.`);
      void load();
    },
  );

  if (missing)
    return (
      <p>
        Deze organisatie bestaat niet. <Link to="/organisaties">Terug naar de lijst</Link>
      </p>
    );
  if (!organisation) return <p>Laden…</p>;

  return (
    <>
      <p>
        <Link to="/organisaties">← Alle organisaties</Link>
      </p>
      <div className="page-head">
        <h1>{organisation.name}</h1>
        <span className={`badge ${organisation.active ? 'badge-ok' : 'badge-off'}`}>
          {TYPE_LABELS[organisation.type]} · {organisation.active ? 'actief' : 'gedeactiveerd'}
        </span>
      </div>
      {notice && (
        <div className="alert alert-ok" role="status">
          {notice}
        </div>
      )}
      <div className="columns">
        <section aria-labelledby="people-title">
          <h2 id="people-title">Personen</h2>
          {people.length === 0 ? (
            <p>Nog niemand. Nodig hieronder de eerste persoon uit.</p>
          ) : (
            <table className="table">
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
                {people.map((person) => (
                  <tr key={person.id}>
                    <td>{person.name}</td>
                    <td>{person.email}</td>
                    <td>{STATUS_LABELS[person.status]}</td>
                    <td className="actions">
                      {person.status === 'invited' && (
                        <button
                          type="button"
                          className="secondary"
                          onClick={async () => {
                            await api('/auth/resend-activation', {
                              method: 'POST',
                              json: { email: person.email },
                            });
                            setNotice(`Nieuwe uitnodiging verstuurd naar ${person.email}.`);
                          }}
                        >
                          Uitnodiging opnieuw sturen
                        </button>
                      )}
                      {person.status !== 'deactivated' && (
                        <button
                          type="button"
                          className="danger"
                          onClick={async () => {
                            if (
                              !window.confirm(
                                `${person.name} deactiveren? Deze persoon kan zich dan niet meer aanmelden.`,
                              )
                            )
                              return;
                            await api(`/organisations/${id}/members/${person.id}`, { method: 'DELETE' });
                            setNotice(`${person.name} is gedeactiveerd.`);
                            void load();
                          }}
                        >
                          Deactiveren
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
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
        <section aria-labelledby="details-title">
          <h2 id="details-title">Gegevens</h2>
          {organisation.type !== 'admin' && (
            <OrganisationForm
              initial={organisation}
              submitLabel="Wijzigingen bewaren"
              onSave={async (body) =>
                setOrganisation(
                  await api<Organisation>(`/organisations/${id}`, { method: 'PATCH', json: body }),
                )
              }
            />
          )}
          {organisation.type !== 'admin' && (
            <button
              type="button"
              className={organisation.active ? 'danger' : 'secondary'}
              onClick={async () => {
                const next = !organisation.active;
                if (
                  !next &&
                  !window.confirm(
                    `${organisation.name} deactiveren? Niemand van deze organisatie kan zich dan nog aanmelden.`,
                  )
                )
                  return;
                setOrganisation(
                  await api<Organisation>(`/organisations/${id}`, {
                    method: 'PATCH',
                    json: { active: next },
                  }),
                );
              }}
            >
              {organisation.active ? 'Organisatie deactiveren' : 'Organisatie opnieuw activeren'}
            </button>
          )}
        </section>
      </div>
    </>
  );
}
