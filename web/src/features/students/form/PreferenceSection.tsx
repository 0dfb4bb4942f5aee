import type { ServiceOption } from '#contract/organisations';
import type { Province } from '#contract/provinces';
import { SelectField } from '../../../ui/fields';
import type { FieldErrors } from '../../../ui/useSubmit';
import { PreferenceWarning } from '../PreferenceWarning';
import type { StudentDraft } from './useStudentDraft';

/** The service the student would like; in the first round only that service sees the student. */
export function PreferenceSection({
  draft,
  services,
  errors,
}: {
  draft: StudentDraft;
  services: ServiceOption[];
  errors: FieldErrors;
}) {
  return (
    <fieldset>
      <legend>Voorkeur</legend>
      <SelectField
        label="Bij welke dienst wil de leerling graag werken?"
        name="preferredServiceId"
        value={draft.preferredServiceId}
        onChange={(e) => draft.setPreferredServiceId(e.target.value)}
        options={[
          { value: '', label: 'Geen voorkeur' },
          ...services.map((v) => ({ value: v.id, label: v.city ? `${v.name} (${v.city})` : v.name })),
        ]}
        error={errors.preferredServiceId}
      />
      <PreferenceWarning
        service={services.find((v) => v.id === draft.preferredServiceId)}
        province={draft.province as Province | ''}
      />
    </fieldset>
  );
}
