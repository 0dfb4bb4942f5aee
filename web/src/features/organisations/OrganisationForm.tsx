import type { QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiInput } from '#contract/api';
import type { Organisation, Track } from '#contract/organisations';
import { type Province, provinceOfPostcode } from '#contract/provinces';
import { optionsOf, provinceOptions, SECTOR_LABELS, TRACK_LABELS, t } from '../../labels';
import { CheckboxGroup, FormMessage, SelectField, TextField } from '../../ui/fields';
import { field, useSubmit } from '../../ui/useSubmit';

type Kind = 'school' | 'service' | 'admin';
export type NewOrganisationBody = ApiInput<'POST /api/organisations'>['body'];
export type OrganisationChangesBody = ApiInput<'PATCH /api/organisations/{id}'>['body'];

/** The form's fields as the API takes them; the API checks every value again. */
function bodyOf(data: FormData, kind: Kind, isNew: boolean): NewOrganisationBody | OrganisationChangesBody {
  const address = {
    street: field(data, 'street'),
    postcode: field(data, 'postcode'),
    city: field(data, 'city'),
  };
  const common = {
    name: field(data, 'name'),
    email: field(data, 'email'),
    // A sector team needs no address; an empty one is left out rather than refused.
    ...(kind !== 'admin' || Object.values(address).some(Boolean) ? { address } : {}),
  };
  const provinces = data.getAll('provinces').map(String) as Province[];
  const specific =
    kind === 'service'
      ? {
          province: (field(data, 'province') || undefined) as Province | undefined,
          sector: (field(data, 'sector') || undefined) as Organisation['sector'],
        }
      : kind === 'school'
        ? { tracks: data.getAll('tracks').map(String) as Track[] }
        : // No province ticked: a team for the whole sector.
          provinces.length > 0
          ? { provinces }
          : {};
  return isNew ? ({ type: kind, ...common, ...specific } as NewOrganisationBody) : { ...common, ...specific };
}

const KIND_LABELS: Record<Kind, string> = {
  service: 'Dienst voor gezinszorg',
  school: 'School of centrum',
  admin: 'Beheerteam van de sector (nationaal of regionaal)',
};

/**
 * Create or edit a school, a service or (the national team only, `teams`) a sector team with its
 * provinces; a service's province is suggested from the postcode.
 */
export function OrganisationForm({
  initial,
  save,
  onSaved,
  invalidates,
  submitLabel,
  teams = false,
}: {
  initial?: Organisation;
  /** Whether sector teams can be made here: the national team's form. */
  teams?: boolean;
  save: (body: NewOrganisationBody | OrganisationChangesBody) => Promise<Organisation>;
  onSaved?: (saved: Organisation) => void;
  invalidates: QueryKey[];
  submitLabel: string;
}) {
  const [kind, setKind] = useState<Kind>(initial?.type ?? 'service');
  const [province, setProvince] = useState<string>(initial?.province ?? '');
  const [saved, setSaved] = useState(false);
  const { onSubmit, busy, errors, error } = useSubmit(
    (data) => {
      setSaved(false);
      return save(bodyOf(data, kind, !initial));
    },
    (organisation) => {
      setSaved(true);
      onSaved?.(organisation);
    },
    { invalidates },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage error={error} />
      {saved && initial && (
        <div className="alert alert-ok" role="status">
          De gegevens zijn bewaard.
        </div>
      )}
      {!initial && (
        <fieldset className="field">
          <legend>Soort organisatie</legend>
          {(teams ? (['service', 'school', 'admin'] as const) : (['service', 'school'] as const)).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="type" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
              {KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
      )}
      <TextField label="Naam" name="name" defaultValue={initial?.name} required error={errors.name} />
      <TextField
        label="Algemeen e-mailadres"
        name="email"
        type="email"
        defaultValue={initial?.email}
        required
        error={errors.email}
      />
      <TextField
        label="Straat en nummer"
        name="street"
        defaultValue={initial?.address?.street}
        error={errors['address.street']}
      />
      <div className="row">
        <TextField
          label="Postcode"
          name="postcode"
          inputMode="numeric"
          maxLength={4}
          defaultValue={initial?.address?.postcode}
          error={errors['address.postcode']}
          onChange={(e) => {
            const suggestion = provinceOfPostcode(e.target.value);
            if (suggestion && kind === 'service' && !province) setProvince(suggestion);
          }}
        />
        <TextField
          label="Gemeente"
          name="city"
          defaultValue={initial?.address?.city}
          error={errors['address.city']}
        />
      </div>
      {kind === 'service' ? (
        <>
          <SelectField
            label="Provincie"
            name="province"
            value={province}
            onChange={(e) => setProvince(e.target.value)}
            options={[{ value: '', label: 'Kies een provincie' }, ...provinceOptions]}
            error={errors.province}
          />
          <SelectField
            label="Sector"
            name="sector"
            defaultValue={initial?.sector ?? ''}
            options={[{ value: '', label: 'Kies de sector' }, ...optionsOf(SECTOR_LABELS)]}
            error={errors.sector}
          />
        </>
      ) : kind === 'admin' ? (
        // A national team stays national (the API refuses to limit it): only a regional team's change.
        (!initial || initial.provinces?.length) && (
          <CheckboxGroup
            legend={
              initial
                ? 'Provincies van het regionale team'
                : 'Provincies van het regionale team (geen: heel de sector)'
            }
            name="provinces"
            options={provinceOptions}
            checked={initial?.provinces}
            error={errors.provinces}
          />
        )
      ) : (
        <CheckboxGroup
          legend="Opleidingsvormen"
          name="tracks"
          options={optionsOf(TRACK_LABELS)}
          checked={initial?.tracks}
          error={errors.tracks}
        />
      )}
      <button type="submit" disabled={busy}>
        {busy ? t.busy : submitLabel}
      </button>
    </form>
  );
}
