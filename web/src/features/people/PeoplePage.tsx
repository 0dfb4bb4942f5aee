import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { FormMessage, TextField } from '../../forms/fields';
import { field, useSubmit } from '../../forms/useSubmit';

interface Person {
  id: string;
  name: string;
  phone: string;
  email: string;
  /** How many students (supervisors) or acceptances (contact persons) name this person. */
  links: number;
}

export interface PeopleTexts {
  title: string;
  intro: string;
  linksColumn: string;
  addTitle: string;
  addButton: string;
  linkedHint: string;
}

/**
 * An organisation's own people with name, phone and email: a school's supervisors and a service's
 * contact persons are kept the same way, and refused deletion while something still names them.
 */
export function PeoplePage({
  endpoint,
  texts,
  linksOf,
}: {
  endpoint: string;
  texts: PeopleTexts;
  linksOf: (raw: never) => number;
}) {
  const [items, setItems] = useState<Person[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const load = useCallback(
    () =>
      api<{ items: (Omit<Person, 'links'> & Record<string, unknown>)[] }>(endpoint).then((r) =>
        setItems(r.items.map((p) => ({ ...p, links: linksOf(p as never) }))),
      ),
    [endpoint, linksOf],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const bodyOf = (data: FormData) => ({
    name: field(data, 'name'),
    phone: field(data, 'phone'),
    email: field(data, 'email'),
  });
  const add = useSubmit(
    (data) => api<Person>(endpoint, { method: 'POST', json: bodyOf(data) }),
    (s) => {
      setNotice({ kind: 'ok', text: `${s.name} is toegevoegd.` });
      void load();
    },
  );
  const edit = useSubmit(
    (data) => api<Person>(`${endpoint}/${editing}`, { method: 'PUT', json: bodyOf(data) }),
    () => {
      setEditing(null);
      void load();
    },
  );

  async function remove(s: Person) {
    if (!window.confirm(`${s.name} verwijderen?`)) return;
    try {
      await api(`${endpoint}/${s.id}`, { method: 'DELETE' });
      setNotice({ kind: 'ok', text: `${s.name} is verwijderd.` });
      void load();
    } catch (error) {
      setNotice({
        kind: 'error',
        text: error instanceof ApiError ? error.message : 'Verwijderen lukte niet.',
      });
    }
  }

  return (
    <>
      <h1>Stagebegeleiders</h1>
      <p>
        Geef eerst je stagebegeleiders in; daarna koppel je ze aan je leerlingen. Diensten zien hun naam, en
        na aanvaarding ook hun telefoon en e-mail.
      </p>
      {notice && (
        <div className={`alert alert-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
      {items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">Telefoon</th>
              <th scope="col">E-mailadres</th>
              <th scope="col">{texts.linksColumn}</th>
              <th scope="col">
                <span className="visually-hidden">Acties</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) =>
              editing === s.id ? (
                <tr key={s.id}>
                  <td colSpan={5}>
                    <form onSubmit={edit.onSubmit} noValidate className="inline-form">
                      <FormMessage error={edit.error} />
                      <TextField label="Naam" name="name" defaultValue={s.name} error={edit.errors.name} />
                      <TextField
                        label="Telefoon"
                        name="phone"
                        defaultValue={s.phone}
                        error={edit.errors.phone}
                      />
                      <TextField
                        label="E-mailadres"
                        name="email"
                        type="email"
                        defaultValue={s.email}
                        error={edit.errors.email}
                      />
                      <div className="actions">
                        <button type="submit" disabled={edit.busy}>
                          Bewaren
                        </button>
                        <button type="button" className="secondary" onClick={() => setEditing(null)}>
                          Annuleren
                        </button>
                      </div>
                    </form>
                  </td>
                </tr>
              ) : (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{s.phone}</td>
                  <td>{s.email}</td>
                  <td>{s.links}</td>
                  <td className="actions">
                    <button type="button" className="secondary" onClick={() => setEditing(s.id)}>
                      Wijzigen
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => void remove(s)}
                      title={s.links > 0 ? texts.linkedHint : undefined}
                    >
                      Verwijderen
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <h2>{texts.addTitle}</h2>
      <form onSubmit={add.onSubmit} noValidate className="form narrow">
        <FormMessage error={add.error} />
        <TextField label="Naam" name="name" required error={add.errors.name} />
        <TextField label="Telefoon" name="phone" required error={add.errors.phone} />
        <TextField label="E-mailadres" name="email" type="email" required error={add.errors.email} />
        <button type="submit" disabled={add.busy}>
          {texts.addButton}
        </button>
      </form>
    </>
  );
}
