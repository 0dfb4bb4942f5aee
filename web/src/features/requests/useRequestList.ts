import { type InfiniteData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { RequestDetail, RequestPage } from '#contract/requests';
import { requestListQuery, requestQuery, requestsKey } from './queries';

type Pages = InfiniteData<RequestPage, string | null>;

/**
 * A service's list with its pages, and the changes a decision makes to it: applied to the cached
 * lists at once (so the row reacts to the click) and then confirmed by reading them again.
 */
export function useRequestList(search: string) {
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(requestListQuery(search));

  const patchLists = (patch: (data: Pages) => Pages) =>
    queryClient.setQueriesData<Pages>({ queryKey: [...requestsKey, 'list'] }, (data) =>
      data ? patch(data) : data,
    );
  // Only the lists: a student's details, once gone from view, are not asked for again (that would
  // only answer 404 for a student placed elsewhere).
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...requestsKey, 'list'] });

  return {
    list,
    items: list.data?.pages.flatMap((page) => page.items) ?? [],
    total: list.data?.pages[0]?.total ?? null,
    /** The counter bar and the to-dos, as of the first page. */
    summary: list.data?.pages[0]
      ? { statusCounts: list.data.pages[0].statusCounts, todos: list.data.pages[0].todos }
      : null,
    /** The student left this list: accepted here, placed elsewhere, or no longer visible. */
    removed: (id: string) => {
      patchLists((data) =>
        data.pages.some((page) => page.items.some((i) => i.id === id))
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.filter((i) => i.id !== id),
                total: page.total - 1,
              })),
            }
          : data,
      );
      void refresh();
    },
    /** This service decided on a student; the answer is the student as the service now sees them. */
    decided: (detail: RequestDetail) => {
      queryClient.setQueryData(requestQuery(detail.id).queryKey, detail);
      patchLists((data) => ({
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((i) =>
            i.id === detail.id
              ? { ...i, status: detail.status, choices: detail.choices, todo: detail.todo }
              : i,
          ),
        })),
      }));
      void refresh();
    },
  };
}
