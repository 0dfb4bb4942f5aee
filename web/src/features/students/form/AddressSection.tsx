import type { StudentDetail } from '#contract/students-responses';
import { optionsOf, provinceOptions, TRANSPORT_LABELS } from '../../../labels';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../ui/fields';
import type { FieldErrors } from '../../../ui/useSubmit';
import type { StudentDraft } from './useStudentDraft';

/** Where the student lives, where they want to do the internship, and how they get there. */
export function AddressSection({
  student: s,
  draft,
  errors,
}: {
  student?: StudentDetail;
  draft: StudentDraft;
  errors: FieldErrors;
}) {
  return (
    <fieldset>
      <legend>Verblijfadres en provincie</legend>
      <TextField
        label="Straat en nummer"
        name="street"
        defaultValue={s?.address.street}
        error={errors['address.street']}
      />
      <div className="row">
        <TextField
          label="Postcode"
          name="postcode"
          inputMode="numeric"
          maxLength={4}
          defaultValue={s?.address.postcode}
          error={errors['address.postcode']}
          onChange={(e) => draft.suggestProvince(e.target.value)}
        />
        <TextField
          label="Gemeente"
          name="city"
          defaultValue={s?.address.city}
          error={errors['address.city']}
        />
      </div>
      <SelectField
        label="Provincie waar de leerling stage wil lopen"
        name="province"
        value={draft.province}
        onChange={(e) => draft.chooseProvince(e.target.value)}
        options={[{ value: '', label: 'Kies een provincie' }, ...provinceOptions]}
        error={errors.province}
      />
      <p className="hint">
        We stellen de provincie voor op basis van de postcode. Wil de leerling elders stage lopen, kies dan
        die provincie: in de eerste ronde zien enkel diensten van die provincie de leerling.
      </p>
      <CheckboxGroup
        legend="Vervoer"
        name="transport"
        options={optionsOf(TRANSPORT_LABELS)}
        checked={s?.transport}
        error={errors.transport}
      />
      <TextAreaField
        label="Opmerkingen over de leerling"
        name="remarks"
        hint="Bijvoorbeeld: kleurenblind, gehoorproblemen."
        defaultValue={s?.remarks}
        error={errors.remarks}
      />
    </fieldset>
  );
}
