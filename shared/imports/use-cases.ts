import { randomUUID } from 'node:crypto';
import { invitePerson } from '#accounts/invitations';
import { audit } from '#audit/record';
import type { ImportInput, ImportJobView, ImportResult, ImportRowResult } from '#contract/imports';
import type { Caller } from '#http/caller';
import { conflict, HttpError, notFound } from '#kernel/errors';
import { derivedId, newId } from '#kernel/ids';
import { listOrganisations } from '#organisations/store';
import { createOrganisation } from '#organisations/use-cases';
import { startExportFunction } from '#platform/invoke';
import { type Mailer, sesMailer } from '#platform/mailer';
import { count, durationMs, FIGURES } from '#platform/metrics';
import { readSheet, readSheetBytes } from './parse';
import { type ImportCandidate, importWork, readImportRows, rowLabel } from './rules';
import {
  claimImportedEmail,
  claimRun,
  createImportJob,
  finishRun,
  getImportJob,
  type ImportJob,
  importRows,
  LeaseLost,
  markResumed,
  readImportFile,
  recordRow,
  releaseRun,
  storeImportFile,
} from './store';
import { viewOf } from './views';

/** A run holds its job this long; each row renews it, and a run that dies lets it run out. */
const LEASE_MS = 60_000;

const EXISTS = 'Er bestaat al een organisatie met dit e-mailadres: ze blijft ongemoeid.';

async function existingEmails(): Promise<Map<string, string>> {
  return new Map((await listOrganisations()).map((o) => [o.email.toLowerCase(), o.id]));
}

/** The dry run: the rows that would be imported and an error per row and column. */
export async function checkImport(input: ImportInput): Promise<ImportResult> {
  const { candidates, errors } = readImportRows(input.kind, await readSheet(input.filename, input.file));
  const existing = await existingEmails();
  const fresh = candidates.filter((c) => !existing.has(c.organisation.email));
  return {
    valid: fresh.length,
    errors,
    existing: candidates.length - fresh.length,
    imported: 0,
    invited: 0,
    committed: false,
  };
}

/**
 * The commit: the file is kept beside the job in the table (in chunks, read again by every run and
 * resume) and the background function is started; the answer is the job, which the page polls.
 * Every row is imported once, however often the work is retried or resumed (see `runImportJob`).
 * The function is the export function (`functions/export/export-list.ts`), which tells an import
 * from an export by its job: the route shares the export routes' permission set, so importing in
 * the background costs no function of its own.
 */
export async function commitImport(caller: Caller, input: ImportInput, now: Date): Promise<ImportJobView> {
  const bytes = Buffer.from(input.file, 'base64');
  const sheet = await readSheetBytes(input.filename, bytes);
  const { candidates, errors } = readImportRows(input.kind, sheet);
  const id = newId(now.getTime());
  const job: ImportJob = {
    id,
    kind: input.kind,
    filename: input.filename,
    invite: input.invite,
    actor: {
      userId: caller.userId,
      name: caller.name,
      organisationId: caller.organisationId,
      role: caller.role,
    },
    status: 'pending',
    total: importWork(candidates, errors).length,
    processed: 0,
    created: 0,
    skipped: 0,
    refused: 0,
    invited: 0,
    createdAt: now.toISOString(),
  };
  await storeImportFile(id, bytes, now);
  await createImportJob(job);
  await startExportFunction({ jobId: id });
  return viewOf(job, now);
}

/** Why an invitation was refused, in the words of the refusal. */
function reasonOf(error: HttpError): string {
  const [first] = Array.isArray(error.details) ? (error.details as { message?: string }[]) : [];
  return first?.message ?? error.message;
}

/**
 * One row, idempotently. Its organisation (and person) get ids derived from the job and the row,
 * and the address is claimed for this job first: a retry finds its own organisation, claim and
 * person and only completes what is missing; another import of the same address skips it.
 */
async function importRow(
  job: ImportJob,
  c: ImportCandidate,
  existing: Map<string, string>,
  now: Date,
  mailer: Mailer,
): Promise<ImportRowResult> {
  const base = { row: c.row, name: c.organisation.name, email: c.organisation.email, invited: false };
  const born = Date.parse(job.createdAt);
  const organisationId = derivedId(born, `${job.id}#${c.row}#organisation`);
  const known = existing.get(c.organisation.email);
  if (known && known !== organisationId) return { ...base, outcome: 'skipped', messages: [EXISTS] };
  const claim = await claimImportedEmail(c.organisation.email, { jobId: job.id, organisationId });
  if (claim.jobId !== job.id || claim.organisationId !== organisationId) {
    return { ...base, outcome: 'skipped', messages: [EXISTS] };
  }
  const organisation = await createOrganisation(c.organisation, now, { id: organisationId });
  if (!job.invite) return { ...base, outcome: 'created', messages: [] };
  try {
    await invitePerson(
      organisation,
      { email: organisation.email, name: c.contactName ?? organisation.name },
      now,
      mailer,
      { id: derivedId(born, `${job.id}#${c.row}#person`) },
    );
    return { ...base, outcome: 'created', invited: true, messages: [] };
  } catch (error) {
    // The organisation stands; only its first login could not be made (the address has one, or
    // it is unreachable). Anything else is a failure of the run: it is retried or resumed.
    if (error instanceof HttpError && error.status < 500) {
      return {
        ...base,
        outcome: 'created',
        messages: [`Geïmporteerd, maar niet uitgenodigd: ${reasonOf(error)}`],
      };
    }
    // SES refuses this one mail (an unverified address while the account is in the sandbox): a
    // retry would only be refused again. Throttling and outages still fail the run, to be retried.
    if ((error as Error).name === 'MessageRejected') {
      return {
        ...base,
        outcome: 'created',
        messages: [
          'Geïmporteerd, maar SES weigerde de uitnodiging: stuur ze later opnieuw vanuit de organisatie.',
        ],
      };
    }
    throw error;
  }
}

/**
 * Works through an import's rows from where it stands: rows recorded before are skipped, each
 * new row is recorded with the job's counters in one transaction. One run at a time holds the job
 * (a lease); a run that fails gives it back, marked interrupted, and throws, so Lambda's retry or
 * "Verder importeren" continues it. Safe to run any number of times.
 */
export async function runImportJob(
  id: string,
  options: { mailer?: Mailer; sheet?: string[][]; clock?: () => Date } = {},
): Promise<'done' | 'busy' | 'finished-before'> {
  const clock = options.clock ?? (() => new Date());
  const mailer = options.mailer ?? sesMailer;
  const job = await getImportJob(id);
  if (!job) throw new Error(`Import ${id} does not exist`);
  if (job.status === 'done') return 'finished-before';
  const runId = randomUUID();
  if (!(await claimRun(id, runId, clock(), LEASE_MS))) return 'busy';
  try {
    const sheet = options.sheet ?? (await readSheetBytes(job.filename, await readImportFile(id)));
    const { candidates, errors } = readImportRows(job.kind, sheet);
    const recorded = new Set((await importRows(id)).map((r) => r.row));
    const existing = await existingEmails();
    for (const item of importWork(candidates, errors)) {
      if (recorded.has(item.row)) continue;
      const result: ImportRowResult =
        'candidate' in item
          ? await importRow(job, item.candidate, existing, clock(), mailer)
          : {
              row: item.row,
              ...rowLabel(sheet, item.row),
              outcome: 'refused',
              invited: false,
              messages: item.errors.map((e) => `${e.field}: ${e.message}`),
            };
      await recordRow(id, runId, result, clock(), LEASE_MS);
    }
    if (await finishRun(id, runId, clock())) {
      const finished = (await getImportJob(id)) ?? job;
      count(FIGURES.imports);
      count(FIGURES.importedOrganisations, finished.created);
      durationMs(FIGURES.importDuration, clock().getTime() - Date.parse(job.createdAt));
      await audit(
        job.actor,
        'import',
        { kind: 'import', id: job.kind, label: job.filename },
        {
          job: id,
          imported: finished.created,
          invited: finished.invited,
          skipped: finished.skipped,
          errors: finished.refused,
        },
        clock(),
      );
    }
    return 'done';
  } catch (error) {
    if (!(error instanceof LeaseLost)) await releaseRun(id, runId, clock());
    throw error;
  }
}

/** Where the import stands; once it stopped (done or interrupted), every row's outcome. */
export async function importStatus(id: string, now: Date): Promise<ImportJobView> {
  const job = await getImportJob(id);
  if (!job) throw notFound('Dit importeren bestaat niet (meer).');
  const view = viewOf(job, now);
  if (view.status === 'done' || view.status === 'interrupted') view.rows = await importRows(id);
  return view;
}

/** "Verder importeren": starts the import function again on an interrupted job. */
export async function resumeImport(id: string, now: Date): Promise<ImportJobView> {
  const job = await getImportJob(id);
  if (!job) throw notFound('Dit importeren bestaat niet (meer).');
  const view = viewOf(job, now);
  if (view.status === 'done') throw conflict('Dit importeren is al klaar.');
  if (view.status !== 'interrupted')
    throw conflict('Dit importeren loopt nog: wacht even en kijk dan opnieuw.');
  await markResumed(id, now);
  await startExportFunction({ jobId: id });
  const { message: _, ...resumed } = view;
  return { ...resumed, status: 'running' };
}
