import { queryOptions } from '@tanstack/react-query';
import { api, queryOf } from '../../api/client';

/** Everything read about organisations starts with this key, so one invalidation refreshes it all. */
export const organisationsKey = ['organisations'] as const;

const LIST = 'GET /api/organisations';
export const organisationListQuery = (search: string) =>
  queryOptions({
    queryKey: [...organisationsKey, 'list', search],
    queryFn: ({ signal }) => api(LIST, { query: queryOf(LIST, search), signal }),
  });

export const organisationQuery = (id: string) =>
  queryOptions({
    queryKey: [...organisationsKey, id],
    queryFn: ({ signal }) => api('GET /api/organisations/{id}', { path: { id }, signal }),
  });

export const membersQuery = (id: string) =>
  queryOptions({
    queryKey: [...organisationsKey, id, 'members'],
    queryFn: ({ signal }) => api('GET /api/organisations/{id}/members', { path: { id }, signal }),
  });
