import { useState } from 'react';
import { provinceOfPostcode } from '#contract/provinces';
import { CheckboxGroup, FormMessage, SelectField, TextField } from '../../forms/fields';
import { field, useSubmit } from '../../forms/useSubmit';
import { type Organisation, optionsOf, provinceOptions, SECTOR_LABELS, TRACK_LABELS } from './labels';

type Kind = 'school' | 'service';

/** Create or edit a school or service; the province is suggested from the postcode. */
export function OrganisationForm({
  initial,
  onSave,
  submitLabel,
}: {
  initial?: Organisation;
  onSave: (body: Record<string, unknown>) => Promise<unknown>;
  submitLabel: string;
}) {
  const [kind, setKind] = useState<Kind>((initial?.type as Kind) ?? 'service');
  const [province, setProvince] = useState(initial?.province ?? '');
  const [saved, setSaved] = useState(false);
  const { onSubmit, busy, errors, error } = useSubmit(
    async (data) => {
      setSaved(false);
      const body: Record<string, unknown> = {
        name: field(data, 'name'),
        email: field(data, 'email'),
        address: {
          street: field(data, 'street'),
          postcode: field(data, 'postcode'),
          city: field(data, 'city'),
        },
      };
      if (!initial) body.type = kind;
      if (kind === 'service') {
        body.province = field(data, 'province') || undefined;
        body.sector = field(data, 'sector') || undefined;
      } else {
        body.tracks = data.getAll('tracks').map(String);
      }
      return onSave(body);
    },
    () => setSaved(true),
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
          {(['service', 'school'] as const).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="type" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
              {k === 'service' ? 'Dienst voor gezinszorg' : 'School of centrum'}
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
        {busy ? 'Bezig…' : submitLabel}
      </button>
    </form>
  );
}
