import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Dashboard } from '#contract/sector';
import type { AdminStudentDetail, AdminStudentList, AuditPage } from '#contract/sector-api';
import { ApiError, api } from '../../api/client';

/** Everything the sector reads starts with this key, so a recount or import refreshes it all. */
export const sectorKey = ['sector'] as const;

export const dashboardQuery = (track: string) =>
  queryOptions({
    queryKey: [...sectorKey, 'dashboard', track],
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
    queryKey: [...sectorKey, 'students', search],
    queryFn: ({ signal, pageParam }) =>
      api<AdminStudentList>(`/admin/students${withCursor(search, pageParam)}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const adminStudentQuery = (id: string) =>
  queryOptions({
    queryKey: [...sectorKey, 'student', id],
    queryFn: ({ signal }) => api<AdminStudentDetail>(`/admin/students/${encodeURIComponent(id)}`, { signal }),
  });

export const auditQuery = (search: string) =>
  infiniteQueryOptions({
    queryKey: [...sectorKey, 'audit', search],
    queryFn: ({ signal, pageParam }) =>
      api<AuditPage>(`/admin/audit${withCursor(search, pageParam)}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });

/**
 * The rounds of the school year, for the marks on the dashboard's chart. Only what the chart needs
 * is read; while the calendar route is not there (404) the chart is drawn without them.
 */
export interface RoundMark {
  name: string;
  track?: string;
  opensAt: string;
  closesAt?: string;
}

export const roundsQuery = queryOptions({
  queryKey: ['school-year', 'rounds'],
  queryFn: async ({ signal }): Promise<RoundMark[]> => {
    try {
      const year = await api<{ rounds?: RoundMark[] }>('/school-year', { signal });
      return Array.isArray(year?.rounds) ? year.rounds : [];
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return [];
      throw error;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});
