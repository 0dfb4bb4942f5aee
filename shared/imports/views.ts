import type { ImportJobView } from '#contract/imports';
import { type ImportJob, unfinishedImports } from './store';

// Apart from the use cases: the health panel reads these without the spreadsheet readers.

/** A job that neither finished nor showed a sign of life for this long is reported interrupted. */
const STALE_MS = 3 * 60_000;

/** The job as the page sees it: `interrupted` when no run holds it and it stopped, or went quiet. */
export function viewOf(job: ImportJob, now: Date): ImportJobView {
  const alive = job.leaseUntil !== undefined && job.leaseUntil > now.toISOString();
  const lastSign = Date.parse(job.heartbeatAt ?? job.createdAt);
  const stalled =
    job.status !== 'done' && !alive && (job.interruptedAt || now.getTime() - lastSign > STALE_MS);
  return {
    id: job.id,
    kind: job.kind,
    filename: job.filename,
    invite: job.invite,
    status: stalled ? 'interrupted' : job.status,
    total: job.total,
    processed: job.processed,
    created: job.created,
    skipped: job.skipped,
    refused: job.refused,
    invited: job.invited,
    createdAt: job.createdAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    ...(stalled
      ? {
          message: `Het importeren werd onderbroken na ${job.processed} van ${job.total} rijen. Met "Verder importeren" gaat het verder waar het stopte: wat al gebeurde, gebeurt niet opnieuw.`,
        }
      : {}),
  };
}

/** Imports not finished: running, or interrupted and waiting for "Verder importeren". */
export async function importsUnderway(now: Date): Promise<{ running: number; interrupted: number }> {
  const views = (await unfinishedImports()).map((job) => viewOf(job, now));
  const interrupted = views.filter((v) => v.status === 'interrupted').length;
  return { running: views.length - interrupted, interrupted };
}
