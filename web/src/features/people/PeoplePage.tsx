import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api } from '../../api/client';
import { Writable } from '../../app/auth/Writable';
import { FormMessage, TextField } from '../../ui/fields';
import { Notice, type NoticeState } from '../../ui/Notice';
import { failureText, QueryState } from '../../ui/QueryState';
import { useSubmit } from '../../ui/useSubmit';
import { PeopleTable } from './PeopleTable';
import { detailsOf, type PeopleTexts } from './person-details';
import { PEOPLE_ROUTES, type PeopleKind, type PersonOf, peopleQuery } from './queries';

/**
 * An organisation's own people with name, phone and email: a school's supervisors and a service's
 * contact persons are kept the same way, and refused deletion while something still names them.
 */
export function PeoplePage<K extends PeopleKind>({
  kind,
  linksOf,
  alsoInvalidates,
  texts,
  columns = [],
}: {
  kind: K;
  /** Extra columns after the links (a mentor's dual learners and free slots). */
  columns?: { header: string; cell: (person: PersonOf<K>) => ReactNode }[];
  /** How many records (students, acceptances) name this person. */
  linksOf: (person: PersonOf<K>) => number;
  /** Other reads that show these people. */
  alsoInvalidates: QueryKey[];
  texts: PeopleTexts;
}) {
  const query = peopleQuery(kind);
  const routes = PEOPLE_ROUTES[kind as PeopleKind];
  const people = useQuery(query);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<NoticeState>(null);
  const invalidates = [query.queryKey, ...alsoInvalidates];

  const add = useSubmit(
    (data) => api(routes.create, { body: detailsOf(data) }),
    (person) =>
      setNotice({ kind: 'ok', text: `${person.name} is toegevoegd (${person.phone}, ${person.email}).` }),
    { invalidates, clearOnDone: true },
  );
  const remove = useMutation({
    mutationFn: (person: PersonOf<K>) => api(routes.remove, { path: { id: person.id } }),
    onSuccess: async (_, person) => {
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      setNotice({ kind: 'ok', text: `${person.name} is verwijderd.` });
    },
    onError: (error) => setNotice({ kind: 'error', text: failureText(error, 'Verwijderen lukte niet.') }),
  });

  return (
    <>
      <h1>{texts.title}</h1>
      <p>{texts.intro}</p>
      <Notice notice={notice} />
      <QueryState query={people}>
        {({ items }) =>
          items.length > 0 && (
            <PeopleTable
              people={items}
              kind={kind}
              invalidates={invalidates}
              linksOf={linksOf}
              columns={columns}
              texts={texts}
              onRemove={(person) => {
                if (window.confirm(`${person.name} verwijderen?`)) remove.mutate(person);
              }}
            />
          )
        }
      </QueryState>
      <Writable>
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
      </Writable>
    </>
  );
}
