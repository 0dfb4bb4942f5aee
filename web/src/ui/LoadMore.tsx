import { useState } from 'react';
import { t } from '../labels';
import { failureText, LoadFailed } from './QueryState';

/** What LoadMore needs of a paged list: TanStack's infinite query has it, and so does usePaged. */
export interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => unknown;
}

/** A long list shows a page at a time; this button adds the next one below the rows already shown. */
export function LoadMore({ pages, label = 'Meer laden' }: { pages: Pages; label?: string }) {
  return (
    <>
      {pages.hasNextPage && !pages.isFetchNextPageError && (
        <p>
          <button
            type="button"
            className="secondary"
            disabled={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {pages.isFetchingNextPage ? t.loading : label}
          </button>
        </p>
      )}
      {pages.isFetchNextPageError && (
        <LoadFailed
          message={t.listFailed}
          retrying={pages.isFetchingNextPage}
          onRetry={() => void pages.fetchNextPage()}
        />
      )}
    </>
  );
}

/**
 * A list the API answers whole, shown a page at a time, like the lists the API pages: the first
 * `size` rows, and more on request. Back to the first page when `filters` change.
 */
export function usePaged<T>(items: T[], filters: string, size = 50) {
  const [shown, setShown] = useState({ filters, count: size });
  const count = shown.filters === filters ? shown.count : size;
  return {
    items: items.slice(0, count),
    total: items.length,
    hasNextPage: items.length > count,
    isFetchingNextPage: false,
    isFetchNextPageError: false,
    fetchNextPage: () => setShown({ filters, count: count + size }),
  } satisfies Pages & { items: T[]; total: number };
}

/**
 * The first page of a paged list did not load: the error with a retry. A failed later page is
 * LoadMore's to show, below the rows that did load.
 */
export function FirstPageFailed({
  list,
}: {
  list: {
    isError: boolean;
    isFetchNextPageError: boolean;
    isFetching: boolean;
    error: unknown;
    refetch: () => unknown;
  };
}) {
  if (!list.isError || list.isFetchNextPageError) return null;
  return (
    <LoadFailed
      message={failureText(list.error, t.listFailed)}
      retrying={list.isFetching}
      onRetry={() => void list.refetch()}
    />
  );
}
