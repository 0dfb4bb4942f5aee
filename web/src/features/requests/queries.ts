import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, queryOf } from '../../api/client';

/** What services see per track; the admin changes it, services read it. */
export const tracksQuery = queryOptions({
  queryKey: ['tracks'],
  queryFn: ({ signal }) => api('GET /api/tracks', { signal }),
});

/** Everything a service reads about students starts with this key. */
export const requestsKey = ['requests'] as const;

const LIST = 'GET /api/requests';
/** A service's list, page by page ("Meer leerlingen laden"); `search` holds track, tab and filters. */
export const requestListQuery = (search: string) =>
  infiniteQueryOptions({
    queryKey: [...requestsKey, 'list', search],
    queryFn: ({ pageParam, signal }) =>
      api(LIST, { query: queryOf(LIST, search, { cursor: pageParam }), signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // Other filters: the rows shown stay until the new ones arrive (the page says it is refreshing).
    // Another tab or track is another list, whose rows must not stand in for it.
    placeholderData: (previous, previousQuery) =>
      previousQuery && sameList(String(previousQuery.queryKey[2]), search) ? previous : undefined,
  });

const sameList = (a: string, b: string) => {
  const [x, y] = [new URLSearchParams(a), new URLSearchParams(b)];
  return x.get('track') === y.get('track') && x.get('tab') === y.get('tab');
};

export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: [...requestsKey, 'detail', id],
    queryFn: ({ signal }) => api('GET /api/requests/{studentId}', { path: { studentId: id }, signal }),
  });
