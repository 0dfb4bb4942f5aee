import { EXPORT_ROLES, type ExportInput, type ExportJobView } from '#contract/exports';
import type { Caller } from '#http/caller';
import { forbidden, notFound } from '#kernel/errors';
import { newId } from '#kernel/ids';
import { presignDownload } from '#platform/files';
import { startExportFunction } from '#platform/invoke';
import { attachment, CONTENT_TYPES, exportFileName } from './rules';
import { createJob, type ExportJob, getJob, STALE_AFTER_MS } from './store';

/** Records the job for the person who asked and starts the export function; answers its id. */
export async function startExport(caller: Caller, input: ExportInput, now: Date): Promise<{ id: string }> {
  if (EXPORT_ROLES[input.list] !== caller.role) throw forbidden('Deze lijst kan je niet exporteren.');
  const filters = input.filters as Record<string, unknown>;
  const job: ExportJob = {
    id: newId(now.getTime()),
    list: input.list,
    format: input.format,
    filters,
    caller,
    status: 'pending',
    rows: 0,
    progress: 0,
    fileName: exportFileName(input.list, filters, input.format, now),
    createdAt: now.toISOString(),
  };
  await createJob(job);
  await startExportFunction({ jobId: job.id });
  return { id: job.id };
}

/** The job as its owner sees it, with a fresh short-lived link once ready; 404 for anyone else. */
export async function exportStatus(caller: Caller, id: string, now: Date): Promise<ExportJobView> {
  const job = await getJob(id);
  if (!job || job.caller.userId !== caller.userId) throw notFound('Deze export bestaat niet (meer).');
  const view: ExportJobView = {
    id: job.id,
    list: job.list,
    format: job.format,
    status: job.status,
    rows: job.rows,
    progress: job.progress,
    fileName: job.fileName,
  };
  if (job.status === 'pending' && now.getTime() - Date.parse(job.createdAt) > STALE_AFTER_MS) {
    return { ...view, status: 'failed', message: 'De export is niet gelukt. Probeer het opnieuw.' };
  }
  if (job.status === 'failed') {
    return { ...view, message: 'De export is niet gelukt. Probeer het opnieuw.' };
  }
  if (job.status !== 'ready' || !job.key) return view;
  const link = await presignDownload({
    key: job.key,
    contentDisposition: attachment(job.fileName),
    contentType: CONTENT_TYPES[job.format],
  });
  return { ...view, url: link.url, expiresAt: link.expiresAt };
}
