import { type Query, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ApiInput } from '#contract/api';
import type { ExportFormat, ExportJobView, ExportList } from '#contract/exports';
import { api } from '../../api/client';
import { t } from '../../labels';
import { failureText } from '../../ui/QueryState';

/**
 * What the web app asks for: a list, a format and the list's filters and sort as its URL holds
 * them (the server validates them with the list's own query schema).
 */
export interface ExportRequest {
  list: ExportList;
  format: ExportFormat;
  filters: Record<string, string>;
}

/**
 * How often to ask whether the file is ready: quickly at first, so that a small list (ready in a
 * fraction of a second) downloads at once, then calmly for a large one.
 */
export function pollDelay(query: Query<ExportJobView>): number | false {
  if (query.state.status === 'error') return false;
  if (query.state.data && query.state.data.status !== 'pending') return false;
  return query.state.dataUpdateCount < 10 ? 200 : 1000;
}

export const exportJobQuery = (id: string | undefined) =>
  queryOptions({
    queryKey: ['exports', id],
    queryFn: ({ signal }) => api('GET /api/exports/{id}', { path: { id: id ?? '' }, signal }),
    enabled: id !== undefined,
    // Every answer may carry a fresh link; an old one is never worth showing.
    staleTime: 0,
    refetchInterval: pollDelay,
    refetchIntervalInBackground: true,
  });

/**
 * Saves the file behind a presigned link. The link is on the bucket's origin, where `download`
 * is ignored; the bucket's `Content-Disposition: attachment` makes it a download that leaves the
 * page where it is.
 */
function download(url: string, fileName: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

export type ExportPhase = 'idle' | 'busy' | 'ready' | 'failed';

/**
 * One export from the click to the file: starts the job (`POST /api/exports`), asks for its
 * status until it is ready or failed, and then downloads it, once. A failure is shown with the
 * server's Dutch reason and can be retried with the same list, format and filters.
 */
export function useExport() {
  const start = useMutation({
    mutationFn: (request: ExportRequest) =>
      // The filters are the list page's URL parameters; the server checks them with the list's schema.
      api('POST /api/exports', { body: request as ApiInput<'POST /api/exports'>['body'] }),
  });
  const id = start.data?.id;
  const job = useQuery(exportJobQuery(id));
  const view = job.data;

  const downloaded = useRef<string | null>(null);
  useEffect(() => {
    if (view?.status === 'ready' && view.url && downloaded.current !== view.id) {
      downloaded.current = view.id;
      download(view.url, view.fileName);
    }
  }, [view]);

  const phase: ExportPhase = start.isPending
    ? 'busy'
    : start.isError || job.isError || view?.status === 'failed'
      ? 'failed'
      : view?.status === 'ready'
        ? 'ready'
        : id !== undefined
          ? 'busy'
          : 'idle';

  const error =
    phase !== 'failed'
      ? null
      : start.error
        ? failureText(start.error, t.exports.failed)
        : job.error
          ? failureText(job.error, t.exports.failed)
          : (view?.message ?? t.exports.failed);

  return {
    phase,
    /** 0..100 once the server reports progress; null before its first answer. */
    percent: phase === 'busy' && view ? Math.round(view.progress * 100) : null,
    rows: view?.rows ?? 0,
    error,
    run: (request: ExportRequest) => start.mutate(request),
    retry: () => {
      if (start.variables) start.mutate(start.variables);
    },
    /** A fresh link (the first one lives minutes), then the file again. */
    downloadAgain: async () => {
      const fresh = await job.refetch();
      if (fresh.data?.url) download(fresh.data.url, fresh.data.fileName);
    },
  };
}
