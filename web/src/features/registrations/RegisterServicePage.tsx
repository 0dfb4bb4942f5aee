import { useState } from 'react';
import type { ApiInput } from '#contract/api';
import { api } from '../../api/client';
import { optionsOf, provinceOptions, SECTOR_LABELS, TRACK_LABELS } from '../../labels';
import { CheckboxGroup, FormMessage, SelectField, TextField } from '../../ui/fields';
import { field, useSubmit } from '../../ui/useSubmit';

const DECLARATIONS = [
  { value: 'mentorsAge25', label: 'zijn minstens 25 jaar oud' },
  { value: 'mentorsExperience5Years', label: 'hebben minstens 5 jaar ervaring' },
  { value: 'goodConduct', label: 'hebben een attest van goed gedrag en zeden (model 2)' },
  { value: 'mentorTraining', label: 'volgden de mentoropleiding of volgen ze nog' },
] as const;

type RegistrationBody = ApiInput<'POST /api/registrations'>['body'];

function bodyOf(data: FormData): RegistrationBody {
  const declared = new Set(data.getAll('declaration').map(String));
  return {
    name: field(data, 'name'),
    email: field(data, 'email'),
    province: field(data, 'province') as RegistrationBody['province'],
    sector: field(data, 'sector') as RegistrationBody['sector'],
    address: { street: field(data, 'street'), postcode: field(data, 'postcode'), city: field(data, 'city') },
    offer: {
      tracks: data.getAll('tracks').map(String) as RegistrationBody['offer']['tracks'],
      places: Number(field(data, 'places')),
      periods: [{ start: field(data, 'start'), end: field(data, 'end') }],
      remarks: field(data, 'remarks'),
    },
    manager: {
      name: field(data, 'managerName'),
      email: field(data, 'managerEmail'),
      phone: field(data, 'managerPhone'),
    },
    declaration: Object.fromEntries(DECLARATIONS.map((d) => [d.value, declared.has(d.value)])) as never,
  };
}

/** "Registreer je dienst": public; the sector's team answers within two weeks by mail. */
export function RegisterServicePage() {
  const [done, setDone] = useState(false);
  const submit = useSubmit(
    (data) => api('POST /api/registrations', { body: bodyOf(data) }),
    () => setDone(true),
  );
  const e = submit.errors;
  if (done) {
    return (
      <>
        <h1>Registratie ontvangen</h1>
        <p role="status">
          Bedankt. Het team van de sector bekijkt je registratie en antwoordt binnen de twee weken per mail.
          Na een goedkeuring activeer je je account via de link in die mail.
        </p>
      </>
    );
  }
  const declarationError = DECLARATIONS.map((d) => e[`declaration.${d.value}`]).find(Boolean);
  return (
    <>
      <h1>Registreer je dienst</h1>
      <p>Registreer je dienst voor gezinszorg als stageplaats. Eén registratie per e-mailadres.</p>
      <form onSubmit={submit.onSubmit} noValidate className="form narrow">
        <FormMessage error={submit.error} />
        <h2>De dienst</h2>
        <TextField label="Naam van de dienst" name="name" error={e.name} />
        <TextField label="Algemeen e-mailadres" name="email" type="email" error={e.email} />
        <SelectField
          label="Provincie"
          name="province"
          error={e.province}
          options={[{ value: '', label: 'Kies een provincie' }, ...provinceOptions]}
        />
        <SelectField
          label="Sector"
          name="sector"
          error={e.sector}
          options={[{ value: '', label: 'Kies de sector' }, ...optionsOf(SECTOR_LABELS)]}
        />
        <TextField label="Straat en nummer" name="street" error={e['address.street']} />
        <TextField label="Postcode" name="postcode" inputMode="numeric" error={e['address.postcode']} />
        <TextField label="Gemeente" name="city" error={e['address.city']} />
        <h2>Het aanbod</h2>
        <CheckboxGroup
          legend="Soort stage"
          name="tracks"
          error={e['offer.tracks']}
          options={optionsOf(TRACK_LABELS)}
        />
        <TextField label="Aantal plaatsen" name="places" inputMode="numeric" error={e['offer.places']} />
        <TextField
          label="Eerste dag van de periode"
          name="start"
          type="date"
          error={e['offer.periods.0.start']}
        />
        <TextField
          label="Laatste dag van de periode"
          name="end"
          type="date"
          error={e['offer.periods.0.end']}
        />
        <TextField label="Opmerkingen over het aanbod" name="remarks" error={e['offer.remarks']} />
        <h2>De verantwoordelijke</h2>
        <TextField label="Naam van de verantwoordelijke" name="managerName" error={e['manager.name']} />
        <TextField
          label="E-mailadres van de verantwoordelijke"
          name="managerEmail"
          type="email"
          error={e['manager.email']}
        />
        <TextField label="Telefoon van de verantwoordelijke" name="managerPhone" error={e['manager.phone']} />
        <CheckboxGroup
          legend="Ik verklaar dat de mentoren van de dienst:"
          name="declaration"
          error={declarationError}
          options={[...DECLARATIONS]}
        />
        <button type="submit" disabled={submit.busy}>
          Registratie versturen
        </button>
      </form>
    </>
  );
}
