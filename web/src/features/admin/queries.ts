import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Dashboard } from '#contract/admin';
import type { AdminStudentDetail, AdminStudentList, AuditPage } from '#contract/admin-api';
import { api } from '../../api/client';

/** Everything the sector reads starts with this key, so a recount or import refreshes it all. */
export const adminKey = ['sector'] as const;

export const dashboardQuery = (track: string) =>
  queryOptions({
    queryKey: [...adminKey, 'dashboard', track],
    queryFn: ({ signal }) =>
      api<Dashboard>(`/admin/dashboard${track ? `?track=${encodeURIComponent(track)}` : ''}`, { signal }),
  });

const withCursor = (search: string, cursor: string | null) => {
  const params = new URLSearchParams(search);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `?${query}` : '';
};

export const adminStudentsQuery = (search: string) =>
  infiniteQueryOptions({
    queryKey: [...adminKey, 'students', search],
    queryFn: ({ signal, pageParam }) =>
      api<AdminStudentList>(`/admin/students${withCursor(search, pageParam)}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const adminStudentQuery = (id: string) =>
  queryOptions({
    queryKey: [...adminKey, 'student', id],
    queryFn: ({ signal }) => api<AdminStudentDetail>(`/admin/students/${encodeURIComponent(id)}`, { signal }),
  });

export const auditQuery = (search: string) =>
  infiniteQueryOptions({
    queryKey: [...adminKey, 'audit', search],
    queryFn: ({ signal, pageParam }) =>
      api<AuditPage>(`/admin/audit${withCursor(search, pageParam)}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });

/** A round boundary the dashboard's chart marks; the dashboard answers with its track's rounds. */
export type RoundMark = Pick<Dashboard['rounds'][number], 'name' | 'track' | 'opensAt' | 'closesAt'>;
