import { type Query, useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { ApiAnswer, ApiInput } from '#contract/api';
import { MAILING_GROUPS, type MailingGroup } from '#contract/mailing-groups';
import type { MailingInput, MailingPreview, MailingReport } from '#contract/mailings';
import type { Track } from '#contract/organisations';
import type { Province } from '#contract/provinces';
import { ApiError, api, networkError } from '../../api/client';
import { useProvinceOptions } from '../../app/auth/useProvinceOptions';
import { optionsOf, TRACK_LABELS } from '../../labels';
import { CardTable } from '../../ui/CardTable';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { FormMessage, SelectField, TextField } from '../../ui/fields';
import { failureText } from '../../ui/QueryState';
import type { FieldErrors } from '../../ui/useSubmit';

type Draft = Omit<MailingInput, 'send' | 'id'>;

const GROUP_LABELS: Record<MailingGroup, string> = { services: 'Diensten', schools: 'Scholen' };
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type MailingAnswer = ApiAnswer<'POST /api/admin/mailings'>;

/** A preview (200) without `send`, the queued mailing (202) with it: the route declares both. */
async function post<A extends MailingAnswer>(
  body: ApiInput<'POST /api/admin/mailings'>['body'],
  is: (answer: MailingAnswer) => answer is A,
): Promise<A> {
  try {
    const answer = await api('POST /api/admin/mailings', { body });
    if (!is(answer)) throw networkError();
    return answer;
  } catch (caught) {
    throw caught instanceof ApiError ? caught : networkError();
  }
}
const isPreview = (a: MailingAnswer): a is MailingPreview => 'organisations' in a;
const isQueued = (a: MailingAnswer): a is Exclude<MailingAnswer, MailingPreview> => 'id' in a;

const fieldErrorsOf = (error: ApiError | null): FieldErrors => {
  const errors: FieldErrors = {};
  for (const f of error?.fieldErrors ?? []) errors[f.path] ??= f.message;
  return errors;
};

/**
 * The admin's own mail to a group: write, see how many people it reaches, then send it once.
 * The draft carries an id from the start, so a double click or a retry after a lost answer is
 * the same mailing; a changed draft needs a new preview before it can go.
 */
export function MailingPage() {
  const provinces = useProvinceOptions();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draftId, setDraftId] = useState(() => crypto.randomUUID());
  const [group, setGroup] = useState<MailingGroup>('services');
  const [province, setProvince] = useState('');
  const [track, setTrack] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');

  const draft: Draft = {
    to: {
      group,
      ...(group === 'services' && province ? { province: province as Province } : {}),
      ...(group === 'schools' && track ? { track: track as Track } : {}),
    },
    subject,
    body,
  };
  const key = JSON.stringify(draft);

  const preview = useMutation<MailingPreview & { key: string }, ApiError, Draft>({
    mutationFn: async (d) => ({ ...(await post(d, isPreview)), key: JSON.stringify(d) }),
  });
  const send = useMutation<{ id: string; recipients: number; subject: string }, ApiError, Draft>({
    mutationFn: async (d) => ({
      ...(await post({ ...d, id: draftId, send: true }, isQueued)),
      subject: d.subject,
    }),
    onSuccess: () => {
      // The next mailing is a new one.
      setDraftId(crypto.randomUUID());
      setSubject('');
      setBody('');
      preview.reset();
    },
  });

  const current = preview.data?.key === key ? preview.data : null;
  const failure = send.error ?? preview.error;
  const errors = fieldErrorsOf(failure);
  const onlyFields = failure?.status === 400 && Object.keys(errors).length > 0;

  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      send.reset();
    };

  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send.reset();
    preview.mutate(draft);
  }

  return (
    <section className="narrow mailing-page">
      <h1>Mailing</h1>
      <p>
        Schrijf een mail aan alle diensten (of die van één provincie) of aan alle scholen (of die met één
        opleidingsvorm). Je ziet eerst hoeveel mensen hem krijgen; pas na je bevestiging vertrekt hij, één
        keer per persoon. Elke mailing staat in de auditlog; mislukte mails vind je op de pagina Mislukte
        mails.
      </p>
      {send.data && <MailingProgress {...send.data} />}
      <ErrorSummary errors={errors} form={form} />
      <form ref={form} onSubmit={onPreview} noValidate className="form">
        <FormMessage error={failure && !onlyFields ? failure : null} />
        <fieldset className="field">
          <legend>Aan</legend>
          {MAILING_GROUPS.map((g) => (
            <label key={g} className="radio">
              <input
                type="radio"
                name="to.group"
                value={g}
                checked={group === g}
                onChange={() => edit(setGroup)(g)}
              />{' '}
              {GROUP_LABELS[g]}
            </label>
          ))}
        </fieldset>
        {group === 'services' ? (
          <SelectField
            label="Provincie"
            name="to.province"
            value={province}
            onChange={(e) => edit(setProvince)(e.target.value)}
            options={[{ value: '', label: 'Alle provincies' }, ...provinces]}
            error={errors['to.province']}
          />
        ) : (
          <SelectField
            label="Opleidingsvorm"
            name="to.track"
            value={track}
            onChange={(e) => edit(setTrack)(e.target.value)}
            options={[{ value: '', label: 'Alle opleidingsvormen' }, ...optionsOf(TRACK_LABELS)]}
            error={errors['to.track']}
          />
        )}
        <TextField
          label="Onderwerp"
          name="subject"
          value={subject}
          maxLength={150}
          onChange={(e) => edit(setSubject)(e.target.value)}
          error={errors.subject}
        />
        <div className={`field${errors.body ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-body`}>Tekst</label>
          <p className="hint" id={`${id}-hint`}>
            Een lege regel begint een nieuwe alinea. De aanhef („Beste …”), een knop naar de toepassing en de
            ondertekening komen er vanzelf bij.
          </p>
          <textarea
            id={`${id}-body`}
            name="body"
            rows={10}
            maxLength={5000}
            value={body}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={`${id}-hint${errors.body ? ` ${id}-error` : ''}`}
            onChange={(e) => edit(setBody)(e.target.value)}
          />
          {errors.body && (
            <p className="field-error" id={`${id}-error`}>
              {errors.body}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="submit" className="secondary" disabled={preview.isPending}>
            {preview.isPending ? 'Bezig…' : 'Voorbeeld bekijken'}
          </button>
        </div>
      </form>

      {current && (
        <section className="card" aria-labelledby={`${id}-preview`}>
          <h2 id={`${id}-preview`}>Voorbeeld</h2>
          <p>
            Deze mail gaat naar <strong>{plural(current.recipients, 'persoon', 'personen')}</strong> bij{' '}
            {plural(
              current.organisations,
              group === 'services' ? 'dienst' : 'school',
              group === 'services' ? 'diensten' : 'scholen',
            )}
            .
          </p>
          <div className="mail-preview">
            <p>
              <strong>{subject.trim()}</strong>
            </p>
            <p>Beste …,</p>
            {body
              .split(/\r?\n\s*\r?\n/)
              .map((p) => p.trim())
              .filter(Boolean)
              .map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own
                <p key={i}>{p}</p>
              ))}
          </div>
          {current.recipients === 0 ? (
            <p>Er is niemand om deze mail naar te sturen. Kies een andere groep.</p>
          ) : (
            <div className="actions">
              <button type="button" disabled={send.isPending} onClick={() => send.mutate(draft)}>
                {send.isPending
                  ? 'Bezig…'
                  : `Versturen naar ${plural(current.recipients, 'persoon', 'personen')}`}
              </button>
            </div>
          )}
        </section>
      )}
    </section>
  );
}

/** Ask every two seconds while mails wait in the queue; once none waits, only on request. */
const pollWhileQueued = (query: Query<MailingReport>) =>
  query.state.status === 'error' || query.state.data?.queued === 0 ? false : 2000;

/**
 * What became of a mailing after "Versturen": it is queued first (the scheduler's next tick sends
 * it), then sent or failed mail by mail; a sent mail can still bounce. The addresses it did not
 * reach are listed with the reason.
 */
function MailingProgress({ id, subject, recipients }: { id: string; subject: string; recipients: number }) {
  const report = useQuery({
    queryKey: ['mailing', id],
    queryFn: ({ signal }) => api('GET /api/admin/mailings/{id}', { path: { id }, signal }),
    staleTime: 0,
    refetchInterval: pollWhileQueued,
    refetchIntervalInBackground: true,
  });
  const r = report.data;
  const waiting = !r || r.queued > 0;
  return (
    <section className="card mailing-progress" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Mailing “{subject}”</h2>
      <div className={waiting ? 'alert' : 'alert alert-ok'}>
        {waiting
          ? `De mailing “${subject}” staat klaar voor ${plural(recipients, 'persoon', 'personen')}. De mails vertrekken binnen de minuut.`
          : `De mailing “${subject}” is verwerkt: ${r.sent} van ${recipients} verstuurd.`}
      </div>
      {r && (
        <p role="status" className="mailing-counts">
          {r.queued} in de wachtrij · {r.sent} verstuurd · {r.failed} mislukt
          {r.bounced > 0 ? ` · ${r.bounced} teruggestuurd` : ''}
        </p>
      )}
      {report.isError && (
        <div className="alert alert-error" role="alert">
          {failureText(report.error, 'De stand van de mailing kon niet gelezen worden.')}
        </div>
      )}
      {r && r.failures.length > 0 && (
        <CardTable label="Niet bereikt">
          <caption className="caption">Niet bereikt</caption>
          <thead>
            <tr>
              <th scope="col">E-mailadres</th>
              <th scope="col">Organisatie</th>
              <th scope="col">Reden</th>
            </tr>
          </thead>
          <tbody>
            {r.failures.map((f) => (
              <tr key={f.email}>
                <td>{f.email}</td>
                <td data-label="Organisatie">{f.organisationName}</td>
                <td data-label="Reden">{f.reason}</td>
              </tr>
            ))}
          </tbody>
        </CardTable>
      )}
      {!waiting && (
        <p>
          <button
            type="button"
            className="secondary"
            disabled={report.isFetching}
            onClick={() => void report.refetch()}
          >
            Vernieuwen
          </button>{' '}
          <span className="hint">Een mail kan ook na het versturen nog terugkomen.</span>
        </p>
      )}
    </section>
  );
}
