import { queryOptions } from '@tanstack/react-query';
import type { ApiAnswer } from '#contract/api';
import { api } from '../../api/client';

/** The routes of the people an organisation names: a school's supervisors, a service's contact persons. */
export const PEOPLE_ROUTES = {
  supervisors: {
    list: 'GET /api/supervisors',
    create: 'POST /api/supervisors',
    update: 'PUT /api/supervisors/{id}',
    remove: 'DELETE /api/supervisors/{id}',
  },
  contacts: {
    list: 'GET /api/contacts',
    create: 'POST /api/contacts',
    update: 'PUT /api/contacts/{id}',
    remove: 'DELETE /api/contacts/{id}',
  },
} as const;
export type PeopleKind = keyof typeof PEOPLE_ROUTES;
type PeopleLists = {
  supervisors: ApiAnswer<typeof PEOPLE_ROUTES.supervisors.list>;
  contacts: ApiAnswer<typeof PEOPLE_ROUTES.contacts.list>;
};
/** One person of the list of that kind, as the API answers it. */
export type PersonOf<K extends PeopleKind> = PeopleLists[K]['items'][number];

export const peopleQuery = <K extends PeopleKind>(kind: K) =>
  queryOptions({
    queryKey: [kind],
    // The list of `kind`'s own route: its answer, narrowed from the answers of both kinds.
    queryFn: async ({ signal }) =>
      (await api(PEOPLE_ROUTES[kind as PeopleKind].list, { signal })) as PeopleLists[K],
  });

export const supervisorsQuery = peopleQuery('supervisors');
export const contactsQuery = peopleQuery('contacts');
