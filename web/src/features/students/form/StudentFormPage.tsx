import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PROVINCE_LABELS, PROVINCES, provinceOfPostcode } from '#contract/provinces';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { CheckboxGroup, FormMessage, SelectField, TextField } from '../../forms/fields';
import { field, useSubmit } from '../../forms/useSubmit';
import {
  FORM_LABELS,
  longDate,
  type StudentDetail,
  type Supervisor,
  TRACK_LABELS,
  TRANSPORT_LABELS,
  WEEKDAY_LABELS,
} from './labels';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const MAX_PERIODS = 4;
const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));

/** Enter or edit a student's internship request. */
export function StudentFormPage() {
  const { id } = useParams();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [student, setStudent] = useState<StudentDetail | null>(null);
  const [supervisors, setSupervisors] = useState<Supervisor[]>([]);
  const [services, setServices] = useState<{ id: string; name: string; city: string | null }[]>([]);
  const [periods, setPeriods] = useState<{ key: number; start: string; end: string }[]>([
    { key: 0, start: '', end: '' },
  ]);
  const [track, setTrack] = useState('');
  const [form, setForm] = useState('');
  const [province, setProvince] = useState('');
  // Controlled: their options arrive separately from the student, in either order.
  const [supervisorId, setSupervisorId] = useState('');
  const [preferredServiceId, setPreferredServiceId] = useState('');
  const [provinceChosen, setProvinceChosen] = useState(false);

  useEffect(() => {
    void api<{ items: Supervisor[] }>('/supervisors').then((r) => setSupervisors(r.items));
    void api<{ items: { id: string; name: string; city: string | null }[] }>('/services').then((r) =>
      setServices(r.items),
    );
    if (id) {
      void api<StudentDetail>(`/students/${id}`).then((s) => {
        setStudent(s);
        setPeriods(s.internship.periods.map((p, key) => ({ key, ...p })));
        setTrack(s.track);
        setForm(s.internship.form);
        setProvince(s.province);
        setProvinceChosen(true);
        setSupervisorId(s.internship.supervisorId);
        setPreferredServiceId(s.preferredServiceId ?? '');
      });
    }
  }, [id]);

  const tracks = me?.organisation?.tracks ?? [];
  useEffect(() => {
    if (!id && tracks.length === 1 && !track) setTrack(tracks[0] ?? '');
  }, [id, tracks, track]);

  const { onSubmit, busy, errors, error } = useSubmit(
    (data) => {
      const body = {
        track,
        firstName: field(data, 'firstName'),
        lastName: field(data, 'lastName'),
        nationalNumber: field(data, 'nationalNumber'),
        email: field(data, 'email'),
        phone: field(data, 'phone'),
        address: {
          street: field(data, 'street'),
          postcode: field(data, 'postcode'),
          city: field(data, 'city'),
        },
        province,
        transport: data.getAll('transport').map(String),
        remarks: field(data, 'remarks'),
        internship: {
          supervisorId,
          form,
          hoursPerWeek: numberOrUndefined(field(data, 'hoursPerWeek')),
          totalHours: numberOrUndefined(field(data, 'totalHours')),
          periods: periods.map((p) => ({ start: p.start, end: p.end })),
          weekdays: track === 'dual' ? data.getAll('weekdays').map(String) : undefined,
          remarks: field(data, 'internshipRemarks'),
        },
        preferredServiceId: preferredServiceId || undefined,
      };
      return id
        ? api<StudentDetail>(`/students/${id}`, { method: 'PUT', json: body })
        : api<StudentDetail>('/students', { method: 'POST', json: body });
    },
    (saved) => navigate(`/leerlingen/${saved.id}`),
  );

  if (id && !student) return <p>Laden…</p>;
  if (student && !student.editable) {
    return (
      <>
        <h1>Deze leerling kan niet meer gewijzigd worden</h1>
        <p>Een dienst heeft de leerling aanvaard, of de leerling is gestopt.</p>
        <Link to={`/leerlingen/${student.id}`}>Terug naar de leerling</Link>
      </>
    );
  }

  const blackout = me?.schoolYear.blackout;
  const inBlackout =
    !id && blackout && new Date() >= new Date(blackout.from) && new Date() < new Date(blackout.to);
  const needsHoursPerWeek = form === 'block' || form === 'block_and_alternating';
  const s = student;

  return (
    <>
      <h1>{s ? `${s.firstName} ${s.lastName} wijzigen` : 'Leerling toevoegen'}</h1>
      {inBlackout && blackout && (
        <div className="alert alert-warn" role="status">
          Tussen 30 juni en 15 augustus worden geen leerlingen ingevoerd. Voer je nu toch een leerling in, dan
          zien de diensten die pas vanaf {longDate(blackout.visibleFrom)}.
        </div>
      )}
      {supervisors.length === 0 && (
        <div className="alert alert-warn" role="status">
          Je hebt nog geen stagebegeleiders. <Link to="/begeleiders">Voeg eerst een begeleider toe.</Link>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="form student-form">
        <FormMessage error={error} />
        <fieldset>
          <legend>Leerling</legend>
          <SelectField
            label="Opleidingsvorm"
            name="track"
            value={track}
            onChange={(e) => setTrack(e.target.value)}
            options={[
              { value: '', label: 'Kies' },
              ...tracks.map((t) => ({ value: t, label: TRACK_LABELS[t] ?? t })),
            ]}
            error={errors.track}
          />
          <div className="row row-2">
            <TextField
              label="Voornaam"
              name="firstName"
              defaultValue={s?.firstName}
              error={errors.firstName}
            />
            <TextField
              label="Achternaam"
              name="lastName"
              defaultValue={s?.lastName}
              error={errors.lastName}
            />
          </div>
          <TextField
            label="Rijksregisternummer"
            name="nationalNumber"
            inputMode="numeric"
            hint="11 cijfers, bv. 85.07.30-033.28. Een dienst ziet dit pas nadat ze de leerling aanvaardde."
            defaultValue={s?.nationalNumber}
            error={errors.nationalNumber}
          />
          <div className="row row-2">
            <TextField
              label="E-mailadres"
              name="email"
              type="email"
              defaultValue={s?.email}
              error={errors.email}
            />
            <TextField
              label="Telefoon"
              name="phone"
              type="tel"
              defaultValue={s?.phone}
              error={errors.phone}
            />
          </div>
        </fieldset>
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
              onChange={(e) => {
                const suggestion = provinceOfPostcode(e.target.value);
                if (suggestion && !provinceChosen) setProvince(suggestion);
              }}
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
            value={province}
            onChange={(e) => {
              setProvince(e.target.value);
              setProvinceChosen(true);
            }}
            options={[
              { value: '', label: 'Kies een provincie' },
              ...PROVINCES.map((p) => ({ value: p, label: PROVINCE_LABELS[p] })),
            ]}
            error={errors.province}
          />
          <p className="hint">
            We stellen de provincie voor op basis van de postcode. Wil de leerling elders stage lopen, kies
            dan die provincie: in de eerste ronde zien enkel diensten van die provincie de leerling.
          </p>
          <CheckboxGroup
            legend="Vervoersmiddelen"
            name="transport"
            options={options(TRANSPORT_LABELS)}
            checked={s?.transport}
            error={errors.transport}
          />
          <TextField
            label="Opmerkingen over de leerling"
            name="remarks"
            hint="Bijvoorbeeld: kleurenblind, gehoorproblemen."
            defaultValue={s?.remarks}
            error={errors.remarks}
          />
        </fieldset>
        <fieldset>
          <legend>Stage</legend>
          <SelectField
            label="Stagebegeleider"
            name="supervisorId"
            value={supervisorId}
            onChange={(e) => setSupervisorId(e.target.value)}
            options={[
              { value: '', label: 'Kies een begeleider' },
              ...supervisors.map((b) => ({ value: b.id, label: b.name })),
            ]}
            error={errors['internship.supervisorId']}
          />
          <SelectField
            label="Stagevorm"
            name="form"
            value={form}
            onChange={(e) => setForm(e.target.value)}
            options={[{ value: '', label: 'Kies de stagevorm' }, ...options(FORM_LABELS)]}
            error={errors['internship.form']}
          />
          <div className="row row-2">
            <TextField
              label={needsHoursPerWeek ? 'Aantal uren per week' : 'Aantal uren per week (niet verplicht)'}
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
                  onChange={(e) =>
                    setPeriods(periods.map((q) => (q.key === p.key ? { ...q, start: e.target.value } : q)))
                  }
                  error={errors[`internship.periods.${index}.start`]}
                />
                <TextField
                  label={`Periode ${index + 1}: einddatum`}
                  name={`periodEnd${index}`}
                  type="date"
                  value={p.end}
                  onChange={(e) =>
                    setPeriods(periods.map((q) => (q.key === p.key ? { ...q, end: e.target.value } : q)))
                  }
                  error={errors[`internship.periods.${index}.end`]}
                />
                {periods.length > 1 && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setPeriods(periods.filter((q) => q.key !== p.key))}
                  >
                    Periode {index + 1} verwijderen
                  </button>
                )}
              </div>
            ))}
            {periods.length < MAX_PERIODS && (
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  setPeriods([
                    ...periods,
                    { key: Math.max(...periods.map((q) => q.key)) + 1, start: '', end: '' },
                  ])
                }
              >
                Periode toevoegen
              </button>
            )}
          </div>
          {track === 'dual' && (
            <CheckboxGroup
              legend="Weekdagen op de werkplek"
              name="weekdays"
              options={options(WEEKDAY_LABELS)}
              checked={s?.internship.weekdays}
              error={errors['internship.weekdays']}
            />
          )}
          <TextField
            label="Opmerkingen over de stage"
            name="internshipRemarks"
            hint="Bijvoorbeeld: hoe blok en alternerend verdeeld zijn."
            defaultValue={s?.internship.remarks}
            error={errors['internship.remarks']}
          />
        </fieldset>
        <fieldset>
          <legend>Voorkeur</legend>
          <SelectField
            label="Bij welke dienst wil de leerling graag werken?"
            name="preferredServiceId"
            value={preferredServiceId}
            onChange={(e) => setPreferredServiceId(e.target.value)}
            options={[
              { value: '', label: 'Geen voorkeur' },
              ...services.map((v) => ({ value: v.id, label: v.city ? `${v.name} (${v.city})` : v.name })),
            ]}
            error={errors.preferredServiceId}
          />
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Bezig…' : id ? 'Wijzigingen bewaren' : 'Leerling bewaren'}
          </button>
          <Link to={id ? `/leerlingen/${id}` : '/leerlingen'}>Annuleren</Link>
        </div>
      </form>
    </>
  );
}
