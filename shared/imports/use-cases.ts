import { invitePerson } from '#accounts/invitations';
import { audit } from '#audit/record';
import type { ImportInput, ImportResult } from '#contract/imports';
import type { Caller } from '#http/caller';
import { listOrganisations } from '#organisations/store';
import { createOrganisation } from '#organisations/use-cases';
import { count, durationMs, FIGURES } from '#platform/metrics';
import { readSheet } from './parse';
import { readImportRows } from './rules';

/**
 * A dry run unless `commit`: the rows that would be imported and an error per row and column.
 * An organisation whose e-mail already exists is left alone, so importing a file twice changes
 * nothing the second time.
 */
export async function importOrganisations(
  caller: Caller,
  input: ImportInput,
  now: Date,
): Promise<ImportResult> {
  const rows = await readSheet(input.filename, input.file);
  const { candidates, errors } = readImportRows(input.kind, rows);
  const existingEmails = new Set((await listOrganisations()).map((o) => o.email.toLowerCase()));
  const fresh = candidates.filter((c) => !existingEmails.has(c.organisation.email));
  const result: ImportResult = {
    valid: fresh.length,
    errors,
    existing: candidates.length - fresh.length,
    imported: 0,
    invited: 0,
    committed: input.commit,
  };
  if (!input.commit) return result;
  const started = Date.now();
  for (const candidate of fresh) {
    const organisation = await createOrganisation(candidate.organisation, now);
    result.imported++;
    if (input.invite) {
      try {
        await invitePerson(
          organisation,
          { email: organisation.email, name: candidate.contactName ?? organisation.name },
          now,
        );
        result.invited++;
      } catch (error) {
        // The organisation stands; only its first login could not be made (the address has one).
        result.errors.push({
          row: candidate.row,
          field: 'E-mail',
          message: `Geïmporteerd, maar niet uitgenodigd: ${(error as Error).message}`,
        });
      }
    }
  }
  count(FIGURES.imports);
  count(FIGURES.importedOrganisations, result.imported);
  durationMs(FIGURES.importDuration, Date.now() - started);
  await audit(
    caller,
    'import',
    { kind: 'import', id: input.kind, label: input.filename },
    { imported: result.imported, invited: result.invited, errors: errors.length },
    now,
  );
  return result;
}
