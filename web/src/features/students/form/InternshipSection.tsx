import type { Supervisor } from '#contract/people';
import type { StudentDetail } from '#contract/students-responses';
import { FORM_LABELS, optionsOf, WEEKDAY_LABELS } from '../../../labels';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../ui/fields';
import type { FieldErrors } from '../../../ui/useSubmit';
import { PeriodsField } from './PeriodsField';
import type { StudentDraft } from './useStudentDraft';

/** The internship the school asks for: supervisor, form, hours, periods, weekdays (dual). */
export function InternshipSection({
  student: s,
  draft,
  supervisors,
  errors,
}: {
  student?: StudentDetail;
  draft: StudentDraft;
  supervisors: Supervisor[];
  errors: FieldErrors;
}) {
  return (
    <fieldset>
      <legend>Stage</legend>
      <SelectField
        label="Stagebegeleider"
        name="supervisorId"
        value={draft.supervisorId}
        onChange={(e) => draft.setSupervisorId(e.target.value)}
        options={[
          { value: '', label: 'Kies een begeleider' },
          ...supervisors.map((b) => ({ value: b.id, label: b.name })),
        ]}
        error={errors['internship.supervisorId']}
      />
      <SelectField
        label="Stagevorm"
        name="form"
        value={draft.form}
        onChange={(e) => draft.setForm(e.target.value)}
        options={[{ value: '', label: 'Kies de stagevorm' }, ...optionsOf(FORM_LABELS)]}
        error={errors['internship.form']}
      />
      <div className="row row-2">
        <TextField
          label={draft.needsHoursPerWeek ? 'Aantal uren per week' : 'Aantal uren per week (niet verplicht)'}
          name="hoursPerWeek"
          inputMode="decimal"
          defaultValue={s?.internship.hoursPerWeek?.toString()}
          error={errors['internship.hoursPerWeek']}
        />
        <TextField
          label="Totaal aantal uren"
          name="totalHours"
          inputMode="decimal"
          defaultValue={s?.internship.totalHours?.toString()}
          error={errors['internship.totalHours']}
        />
      </div>
      <PeriodsField draft={draft} errors={errors} />
      {draft.track === 'dual' && (
        <CheckboxGroup
          legend="Weekdagen op de werkplek"
          name="weekdays"
          options={optionsOf(WEEKDAY_LABELS)}
          checked={s?.internship.weekdays}
          error={errors['internship.weekdays']}
        />
      )}
      <TextAreaField
        label="Opmerkingen over de stage"
        name="internshipRemarks"
        hint="Bijvoorbeeld: hoe blok en alternerend verdeeld zijn."
        defaultValue={s?.internship.remarks}
        error={errors['internship.remarks']}
      />
    </fieldset>
  );
}
