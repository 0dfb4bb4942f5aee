import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { FormMessage, TextField } from '../../forms/fields';
import { field, useSubmit } from '../../forms/useSubmit';
import type { Supervisor } from './labels';

/** The school's supervisors ("stagebegeleiders"): entered first, then linked to students. */
export function SupervisorsPage() {
  const [items, setItems] = useState<Supervisor[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const load = useCallback(
    () => api<{ items: Supervisor[] }>('/supervisors').then((r) => setItems(r.items)),
    [],
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
    (data) => api<Supervisor>('/supervisors', { method: 'POST', json: bodyOf(data) }),
    (s) => {
      setNotice({ kind: 'ok', text: `${s.name} is toegevoegd.` });
      void load();
    },
  );
  const edit = useSubmit(
    (data) => api<Supervisor>(`/supervisors/${editing}`, { method: 'PUT', json: bodyOf(data) }),
    () => {
      setEditing(null);
      void load();
    },
  );

  async function remove(s: Supervisor) {
    if (!window.confirm(`${s.name} verwijderen?`)) return;
    try {
      await api(`/supervisors/${s.id}`, { method: 'DELETE' });
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
              <th scope="col">Leerlingen</th>
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
                  <td>{s.studentCount}</td>
                  <td className="actions">
                    <button type="button" className="secondary" onClick={() => setEditing(s.id)}>
                      Wijzigen
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => void remove(s)}
                      title={
                        s.studentCount > 0
                          ? 'Nog gekoppeld aan leerlingen: koppel ze eerst aan iemand anders.'
                          : undefined
                      }
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
      <h2>Begeleider toevoegen</h2>
      <form onSubmit={add.onSubmit} noValidate className="form narrow">
        <FormMessage error={add.error} />
        <TextField label="Naam" name="name" required error={add.errors.name} />
        <TextField label="Telefoon" name="phone" required error={add.errors.phone} />
        <TextField label="E-mailadres" name="email" type="email" required error={add.errors.email} />
        <button type="submit" disabled={add.busy}>
          Begeleider toevoegen
        </button>
      </form>
    </>
  );
}
