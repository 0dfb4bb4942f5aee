import { putAuditEntry } from '#audit/store';
import { exportLabel } from '#contract/exports';
import { regionOf } from '#http/region';
import { uploadStream } from '#platform/files';
import { logger } from '#platform/log/logger';
import { count, durationMs, FIGURES } from '#platform/metrics';
import { exportSource } from './lists';
import { attachment, CONTENT_TYPES } from './rules';
import { type ExportJob, finishJob, getJob, recordProgress } from './store';
import { writerFor } from './writers';

const ATTEMPTS = 2;
const PROGRESS_EVERY_MS = 300;

const SHEET_NAMES: Record<ExportJob['list'], string> = {
  'school-students': 'Leerlingen',
  'service-requests': 'Stagevragen',
  'admin-students': 'Alle leerlingen',
  'admin-organisations': 'Organisaties',
  'admin-history': 'Beslissingen',
};

/**
 * The export function's work: the list's rows, page by page, through the writer into a multipart
 * upload. Runs at least once per job (AWS retries asynchronous invocations): a job that is no
 * longer pending is left alone, and the audit record is keyed by the job.
 */
export async function runExport(jobId: string, now = new Date()): Promise<void> {
  const job = await getJob(jobId);
  if (job?.status !== 'pending') return;
  for (let attempt = 1; ; attempt++) {
    try {
      await build(job, now);
      count(FIGURES.exports);
      // What the person waited: from asking to the ready link, the function's start included.
      durationMs(FIGURES.exportDuration, Date.now() - Date.parse(job.createdAt));
      return;
    } catch (error) {
      logger.error('Export failed', { jobId, list: job.list, attempt, error: error as Error });
      if (attempt >= ATTEMPTS) {
        count(FIGURES.exportsFailed);
        await finishJob(
          jobId,
          { status: 'failed', failure: (error as Error).name },
          new Date().toISOString(),
        );
        return;
      }
    }
  }
}

async function build(job: ExportJob, now: Date) {
  const source = await exportSource(job.list, job.caller, job.filters, now);
  const key = `exports/${job.caller.userId}/${job.id}/${job.fileName}`;
  const upload = uploadStream({
    key,
    contentType: CONTENT_TYPES[job.format],
    contentDisposition: attachment(job.fileName),
  });
  let rows = 0;
  try {
    const writer = writerFor(job.format, upload.stream, source.columns, SHEET_NAMES[job.list]);
    let reported = Date.now();
    for await (const page of source.pages) {
      writer.write(page.rows);
      rows += page.rows.length;
      await upload.drained();
      if (Date.now() - reported > PROGRESS_EVERY_MS && page.total > 0) {
        reported = Date.now();
        await recordProgress(job.id, rows, Math.min(0.99, rows / page.total));
      }
    }
    await writer.end();
    await upload.done();
  } catch (error) {
    upload.stream.destroy();
    await upload.abort().catch(() => {});
    throw error;
  }
  const region = regionOf(job.caller);
  if (source.columns.some((c) => c.personal)) {
    // Keyed by the job: a retried run of the same job finds its entry there and adds no second.
    await putAuditEntry({
      id: job.id,
      at: job.createdAt,
      action: 'export',
      actor: {
        id: job.caller.userId,
        name: job.caller.name,
        organisationId: job.caller.organisationId,
        role: job.caller.role,
      },
      subject: {
        kind: 'list',
        id: job.list,
        label: exportLabel(job.list, job.format),
        // A regional team's file covers its provinces: the entry is theirs to see as well.
        ...(region ? { provinces: [...region] } : {}),
      },
      details: { list: job.list, format: job.format, rows },
    });
  }
  await finishJob(job.id, { status: 'ready', rows, key }, new Date().toISOString());
  logger.info('Export ready', { jobId: job.id, list: job.list, format: job.format, rows });
}
