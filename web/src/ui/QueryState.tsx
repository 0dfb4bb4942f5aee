import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { t } from '../labels';

/** Why a read failed, for people: the API's own message when it refused, else a general one. */
export function failureText(error: unknown, fallback: string = t.loadFailed): string {
  if (error instanceof ApiError && error.status === 0) return t.offline;
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return error.message;
  return fallback;
}

/** A read that failed: what went wrong in Dutch, and a button to try again. */
export function LoadFailed({
  message = t.loadFailed,
  onRetry,
  retrying = false,
}: {
  message?: string;
  onRetry: () => void;
  retrying?: boolean;
}) {
  return (
    <div className="alert alert-error load-failed" role="alert">
      <span>{message}</span>{' '}
      <button type="button" className="secondary" onClick={onRetry} disabled={retrying}>
        {retrying ? t.busy : t.retry}
      </button>
    </div>
  );
}

export const Loading = ({ text = t.loading }: { text?: string }) => (
  <p className="loading" aria-live="polite">
    {text}
  </p>
);

/** The failure of one or more reads, with one retry for all of them; nothing while they work. */
export function QueriesFailed({ queries, message }: { queries: UseQueryResult[]; message?: string }) {
  const failed = queries.filter((q) => q.isError);
  if (failed.length === 0) return null;
  return (
    <LoadFailed
      message={message ?? failureText(failed[0]?.error)}
      retrying={failed.some((q) => q.isFetching)}
      onRetry={() => {
        for (const q of failed) void q.refetch();
      }}
    />
  );
}

/**
 * Renders its children with the data of a read, and otherwise says that it is loading or why it
 * failed (with a retry). For a page whose content is one read. When a later refresh fails, the
 * data already shown stays, with the failure above it.
 */
export function QueryState<T>({
  query,
  children,
  failedMessage,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  failedMessage?: string;
}) {
  const failed = query.isError && (
    <LoadFailed
      message={failedMessage ?? failureText(query.error)}
      retrying={query.isFetching}
      onRetry={() => void query.refetch()}
    />
  );
  if (query.data !== undefined) {
    return (
      <>
        {failed}
        {children(query.data)}
      </>
    );
  }
  return failed || <Loading />;
}
