import { TextField } from '../../../ui/fields';
import type { FieldErrors } from '../../../ui/useSubmit';
import type { StudentDraft } from './useStudentDraft';

/** One to four periods, each with a start and an end date. */
export function PeriodsField({ draft, errors }: { draft: StudentDraft; errors: FieldErrors }) {
  const { periods } = draft;
  return (
    <div className="periods" aria-live="polite">
      <p className="label">
        De leerling moet {periods.length} {periods.length === 1 ? 'periode' : 'periodes'} stage lopen
      </p>
      {errors['internship.periods'] && <p className="field-error">{errors['internship.periods']}</p>}
      {periods.map((p, index) => (
        <div className="row row-period" key={p.key}>
          <TextField
            label={`Periode ${index + 1}: startdatum`}
            name={`periodStart${index}`}
            type="date"
            value={p.start}
            onChange={(e) => draft.changePeriod(p.key, { start: e.target.value })}
            error={errors[`internship.periods.${index}.start`]}
          />
          <TextField
            label={`Periode ${index + 1}: einddatum`}
            name={`periodEnd${index}`}
            type="date"
            value={p.end}
            onChange={(e) => draft.changePeriod(p.key, { end: e.target.value })}
            error={errors[`internship.periods.${index}.end`]}
          />
          {periods.length > 1 && (
            <button type="button" className="secondary" onClick={() => draft.removePeriod(p.key)}>
              Periode {index + 1} verwijderen
            </button>
          )}
        </div>
      ))}
      {draft.canAddPeriod && (
        <button type="button" className="secondary" onClick={draft.addPeriod}>
          Periode toevoegen
        </button>
      )}
    </div>
  );
}
