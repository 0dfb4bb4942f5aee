import { queryOptions } from '@tanstack/react-query';
import { api, queryOf } from '../../api/client';

/** Everything a school reads about its students starts with this key. */
export const studentsKey = ['students'] as const;
export const studentListsKey = [...studentsKey, 'list'] as const;

const LIST = 'GET /api/students';
export const studentListQuery = (search: string) =>
  queryOptions({
    queryKey: [...studentListsKey, search],
    queryFn: ({ signal }) => api(LIST, { query: queryOf(LIST, search), signal }),
  });

export const studentQuery = (id: string) =>
  queryOptions({
    queryKey: [...studentsKey, 'detail', id],
    queryFn: ({ signal }) => api('GET /api/students/{id}', { path: { id }, signal }),
  });

/** The active services a school can name as the student's preference. */
export const serviceOptionsQuery = queryOptions({
  queryKey: ['services'],
  queryFn: ({ signal }) => api('GET /api/services', { signal }),
  staleTime: 5 * 60_000,
});
