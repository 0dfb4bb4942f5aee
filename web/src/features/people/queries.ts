import { queryOptions } from '@tanstack/react-query';
import type { Contact, Supervisor } from '#contract/people-api';
import { api } from '../../api/client';

export type PeopleEndpoint = '/supervisors' | '/contacts';

/** The people an organisation names: a school's supervisors, a service's contact persons. */
export const peopleQuery = <T>(endpoint: PeopleEndpoint) =>
  queryOptions({
    queryKey: [endpoint.slice(1)],
    queryFn: ({ signal }) => api<{ items: T[] }>(endpoint, { signal }),
  });

export const supervisorsQuery = peopleQuery<Supervisor>('/supervisors');
export const contactsQuery = peopleQuery<Contact>('/contacts');
