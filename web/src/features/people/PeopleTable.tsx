import type { QueryKey } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api } from '../../api/client';
import { Writable } from '../../app/auth/Writable';
import { CardTable } from '../../ui/CardTable';
import { FormMessage, TextField } from '../../ui/fields';
import { EmailCell } from '../../ui/UnreachableNote';
import { useSubmit } from '../../ui/useSubmit';
import { detailsOf, type LinkedPerson, type PeopleTexts } from './person-details';
import { PEOPLE_ROUTES, type PeopleKind } from './queries';

/** The people with their links; a row turns into a small form to change it. */
export function PeopleTable<T extends LinkedPerson>({
  people,
  kind,
  invalidates,
  linksOf,
  columns = [],
  texts,
  onRemove,
}: {
  columns?: { header: string; cell: (person: T) => ReactNode }[];
  people: T[];
  kind: PeopleKind;
  invalidates: QueryKey[];
  linksOf: (person: T) => number;
  texts: PeopleTexts;
  onRemove: (person: T) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <CardTable label="Personen">
      <thead>
        <tr>
          <th scope="col">Naam</th>
          <th scope="col">Telefoon</th>
          <th scope="col">E-mailadres</th>
          <th scope="col">{texts.linksColumn}</th>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Acties</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) =>
          editing === person.id ? (
            <EditRow
              key={person.id}
              person={person}
              kind={kind}
              invalidates={invalidates}
              columnCount={5 + columns.length}
              onClose={() => setEditing(null)}
            />
          ) : (
            <tr key={person.id}>
              <td>{person.name}</td>
              <td data-label="Telefoon">{person.phone}</td>
              <EmailCell email={person.email} unreachable={person.unreachable} />
              <td data-label={texts.linksColumn}>{linksOf(person)}</td>
              {columns.map((c) => (
                <td key={c.header} data-label={c.header}>
                  {c.cell(person)}
                </td>
              ))}
              <td className="actions">
                <Writable>
                  <button type="button" className="secondary" onClick={() => setEditing(person.id)}>
                    Wijzigen
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => onRemove(person)}
                    title={linksOf(person) > 0 ? texts.linkedHint : undefined}
                  >
                    Verwijderen
                  </button>
                </Writable>
              </td>
            </tr>
          ),
        )}
      </tbody>
    </CardTable>
  );
}

function EditRow({
  person,
  kind,
  invalidates,
  columnCount,
  onClose,
}: {
  person: LinkedPerson;
  kind: PeopleKind;
  invalidates: QueryKey[];
  columnCount: number;
  onClose: () => void;
}) {
  const edit = useSubmit(
    (data) => api(PEOPLE_ROUTES[kind].update, { path: { id: person.id }, body: detailsOf(data) }),
    onClose,
    { invalidates },
  );
  return (
    <tr>
      <td colSpan={columnCount}>
        <form onSubmit={edit.onSubmit} noValidate className="inline-form">
          <FormMessage error={edit.error} />
          <TextField label="Naam" name="name" defaultValue={person.name} error={edit.errors.name} />
          <TextField label="Telefoon" name="phone" defaultValue={person.phone} error={edit.errors.phone} />
          <TextField
            label="E-mailadres"
            name="email"
            type="email"
            defaultValue={person.email}
            error={edit.errors.email}
          />
          <div className="actions">
            <button type="submit" disabled={edit.busy}>
              Bewaren
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
