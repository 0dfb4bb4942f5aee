import { Link } from 'react-router';
import type { Track } from '#contract/organisations';
import type { StudentDetail } from '#contract/students-responses';
import { optionsOf, PROGRAMME_LABELS, TRACK_LABELS } from '../../../labels';
import { SelectField, TextField } from '../../../ui/fields';
import type { FieldErrors } from '../../../ui/useSubmit';
import type { StudentDraft } from './useStudentDraft';

/** Who the student is: track, name, national register number, how to reach them. */
export function PersonSection({
  student: s,
  draft,
  tracks,
  errors,
  duplicateOf,
}: {
  student?: StudentDetail;
  draft: StudentDraft;
  tracks: Track[];
  errors: FieldErrors;
  /** The school's student who has the number already (a 409 from the server). */
  duplicateOf?: string;
}) {
  return (
    <fieldset>
      <legend>Leerling</legend>
      <SelectField
        label="Opleidingsvorm"
        name="track"
        value={draft.track}
        onChange={(e) => draft.setTrack(e.target.value)}
        options={[{ value: '', label: 'Kies' }, ...tracks.map((t) => ({ value: t, label: TRACK_LABELS[t] }))]}
        error={errors.track}
      />
      {draft.track === 'secondary' && (
        <SelectField
          label="Programma"
          name="programme"
          defaultValue={s?.programme ?? ''}
          options={[{ value: '', label: 'Kies' }, ...optionsOf(PROGRAMME_LABELS)]}
          error={errors.programme}
        />
      )}
      <div className="row row-2">
        <TextField label="Voornaam" name="firstName" defaultValue={s?.firstName} error={errors.firstName} />
        <TextField label="Achternaam" name="lastName" defaultValue={s?.lastName} error={errors.lastName} />
      </div>
      <TextField
        label="Rijksregisternummer"
        name="nationalNumber"
        inputMode="numeric"
        hint="11 cijfers, bv. 85.07.30-033.28. Een dienst ziet dit pas nadat ze de leerling aanvaardde."
        defaultValue={s?.nationalNumber}
        error={
          duplicateOf ? (
            <>
              {errors.nationalNumber}{' '}
              <Link to={`/leerlingen/${duplicateOf}`}>Open de leerling met dit rijksregisternummer</Link>
            </>
          ) : (
            errors.nationalNumber
          )
        }
      />
      <div className="row row-2">
        <TextField
          label="E-mailadres"
          name="email"
          type="email"
          defaultValue={s?.email}
          error={errors.email}
        />
        <TextField label="Telefoon" name="phone" type="tel" defaultValue={s?.phone} error={errors.phone} />
      </div>
    </fieldset>
  );
}
