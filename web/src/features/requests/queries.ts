import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { TrackPhaseList } from '#contract/phases';
import type { RequestDetail, RequestPage } from '#contract/requests-api';
import { api } from '../../api/client';

/** What services see per track; the admin changes it, services read it. */
export const tracksQuery = queryOptions({
  queryKey: ['tracks'],
  queryFn: ({ signal }) => api<TrackPhaseList>('/tracks', { signal }),
});

/** Everything a service reads about students starts with this key. */
export const requestsKey = ['requests'] as const;

/** A service's list, page by page ("Meer leerlingen laden"); `search` holds track, tab and filters. */
export const requestListQuery = (search: string) =>
  infiniteQueryOptions({
    queryKey: [...requestsKey, 'list', search],
    queryFn: ({ pageParam, signal }) =>
      api<RequestPage>(`/requests?${search}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: [...requestsKey, 'detail', id],
    queryFn: ({ signal }) => api<RequestDetail>(`/requests/${id}`, { signal }),
  });
