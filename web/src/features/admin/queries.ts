import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Dashboard } from '#contract/admin';
import type { Track } from '#contract/organisations';
import { api, queryOf } from '../../api/client';

/** Everything the sector reads starts with this key, so a recount or import refreshes it all. */
export const adminKey = ['sector'] as const;

export const dashboardQuery = (track: string) =>
  queryOptions({
    queryKey: [...adminKey, 'dashboard', track],
    queryFn: ({ signal }) =>
      api('GET /api/admin/dashboard', {
        query: { track: (track || undefined) as Track | undefined },
        signal,
      }),
  });

const STUDENTS = 'GET /api/admin/students';
export const adminStudentsQuery = (search: string) =>
  infiniteQueryOptions({
    queryKey: [...adminKey, 'students', search],
    queryFn: ({ signal, pageParam }) =>
      api(STUDENTS, { query: queryOf(STUDENTS, search, { cursor: pageParam }), signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const adminStudentQuery = (id: string) =>
  queryOptions({
    queryKey: [...adminKey, 'student', id],
    queryFn: ({ signal }) => api('GET /api/admin/students/{id}', { path: { id }, signal }),
  });

const AUDIT = 'GET /api/admin/audit';
export const auditQuery = (search: string) =>
  infiniteQueryOptions({
    queryKey: [...adminKey, 'audit', search],
    queryFn: ({ signal, pageParam }) =>
      api(AUDIT, { query: queryOf(AUDIT, search, { cursor: pageParam }), signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });

/** A round boundary the dashboard's chart marks; the dashboard answers with its track's rounds. */
export type RoundMark = Pick<Dashboard['rounds'][number], 'name' | 'track' | 'opensAt' | 'closesAt'>;

/** How many evaluations there are, not what they say (`GET /api/admin/evaluations`). */
export const evaluationCountsQuery = queryOptions({
  queryKey: [...adminKey, 'evaluations'],
  queryFn: ({ signal }) => api('GET /api/admin/evaluations', { signal }),
});

export const noticesQuery = queryOptions({
  queryKey: [...adminKey, 'notices'],
  queryFn: ({ signal }) => api('GET /api/notices', { signal }),
});
