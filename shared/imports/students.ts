import { audit } from '#audit/record';
import type { StudentImportCheck, StudentImportInput, StudentImportResult } from '#contract/student-imports';
import type { Caller } from '#http/caller';
import { type FieldError, HttpError, notFound } from '#kernel/errors';
import { getOrganisation, listOrganisations } from '#organisations/store';
import { supervisors } from '#people/supervisors';
import { enterStudent, studentOfSchoolWithNumber } from '#students/use-cases';
import { readSheet } from './parse';
import { columnOf, readStudentRows, type StudentCandidate } from './student-rules';

/** How many rows are checked against the table at once (one read each). */
const LOOKUPS_AT_ONCE = 10;

async function mapInBatches<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += LOOKUPS_AT_ONCE) {
    out.push(...(await Promise.all(items.slice(i, i + LOOKUPS_AT_ONCE).map(fn))));
  }
  return out;
}

/**
 * A school's students from a spreadsheet. A dry run unless `commit`: every row goes through the
 * same rules as the form, and a student whose national register number the school has already
 * entered is left alone, so uploading the same file twice creates nothing the second time. The
 * commit enters the valid rows one by one through the form's own use case, whose duplicate check
 * is part of its write: a row that lost a race to the form is skipped, never doubled.
 */
export async function importStudents(
  caller: Caller,
  input: StudentImportInput,
  now: Date,
): Promise<StudentImportCheck | StudentImportResult> {
  const school = await getOrganisation(caller.organisationId);
  if (!school) throw notFound();
  const [rows, ownSupervisors, services] = await Promise.all([
    readSheet(input.filename, input.file),
    supervisors.list(school.id),
    listOrganisations('service'),
  ]);
  const { candidates, errors } = readStudentRows(rows, {
    tracks: school.tracks ?? [],
    supervisors: ownSupervisors,
    services: services.filter((s) => s.active),
  });
  const existing = await mapInBatches(candidates, (c) =>
    studentOfSchoolWithNumber(school.id, c.input.nationalNumber),
  );
  const fresh: StudentCandidate[] = [];
  candidates.forEach((candidate, i) => {
    if (existing[i]) {
      errors.push({
        row: candidate.row,
        field: 'Rijksregisternummer',
        message: 'Deze leerling staat al in je lijst: deze rij wordt overgeslagen.',
      });
    } else fresh.push(candidate);
  });
  errors.sort((a, b) => a.row - b.row);
  if (!input.commit) return { valid: fresh.length, errors };

  let created = 0;
  let skipped = candidates.length - fresh.length;
  for (const candidate of fresh) {
    try {
      await enterStudent(caller, candidate.input, now);
      created++;
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      if (error.status === 409) {
        skipped++;
        continue;
      }
      // What only the data can refuse (a supervisor removed since the check): said on its column.
      const details = Array.isArray(error.details) ? (error.details as FieldError[]) : [];
      for (const d of details.length > 0 ? details : [{ path: '', message: error.message }]) {
        errors.push({ row: candidate.row, field: columnOf(d.path.split('.')), message: d.message });
      }
    }
  }
  await audit(
    caller,
    'import',
    { kind: 'students', id: school.id, label: input.filename },
    { imported: created, skipped, errors: errors.length },
    now,
  );
  return { valid: fresh.length, errors, created, skipped };
}
