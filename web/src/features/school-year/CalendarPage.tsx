import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Track } from '#contract/organisations';
import type { Round, RoundInput, RoundKind } from '#contract/school-year';
import type { Programme } from '#contract/students';
import { api } from '../../api/client';
import { Writable } from '../../app/auth/Writable';
import {
  optionsOf,
  PROGRAMME_LABELS,
  ROUND_KIND_LABELS,
  ROUND_STATE_LABELS,
  TRACK_LABELS,
} from '../../labels';
import { CardTable } from '../../ui/CardTable';
import { CheckboxGroup, FormMessage, SelectField, TextField } from '../../ui/fields';
import { day } from '../../ui/format';
import { Notice, type NoticeState } from '../../ui/Notice';
import { failureText, QueryState } from '../../ui/QueryState';
import { field, useSubmit } from '../../ui/useSubmit';
import { tracksQuery } from '../requests/queries';
import { PreparedCalendar } from './PreparedCalendar';
import { CALENDAR_FEED, schoolYearQuery } from './queries';
import { formatWall } from './time';

/** What the form sends: every field of a round (PUT takes any subset, the form sends them all). */
function roundBody(data: FormData): RoundInput {
  const track = field(data, 'track') as Track;
  const from = field(data, 'internshipFrom');
  const to = field(data, 'internshipTo');
  return {
    track,
    ...(track === 'secondary' && field(data, 'programme')
      ? { programme: field(data, 'programme') as Programme }
      : {}),
    kind: field(data, 'kind') as RoundKind,
    name: field(data, 'name'),
    opensAt: field(data, 'opensAt'),
    closesAt: field(data, 'closesAt'),
    staysOpen: data.get('staysOpen') === 'yes',
    ...(track === 'adult' ? { internship: { from, to } } : {}),
  };
}

/**
 * One round's form, for the running year's calendar or, with `schoolYear`, a prepared year's
 * (`2027-2028`), whose rounds are edited the same way.
 */
export function RoundForm({
  round,
  onDone,
  onCancel,
  schoolYear,
  invalidates = [schoolYearQuery.queryKey, tracksQuery.queryKey],
}: {
  round: Round | null;
  onDone: (saved: Round) => void;
  onCancel: () => void;
  schoolYear?: string;
  invalidates?: QueryKey[];
}) {
  const form = useRef<HTMLFormElement>(null);
  // It opens where it was asked for; bring it into view and start at its first field.
  useEffect(() => {
    form.current?.scrollIntoView?.({ block: 'nearest' });
    form.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
  }, []);
  const [track, setTrack] = useState<Track>(round?.track ?? 'secondary');
  const { onSubmit, busy, errors, error } = useSubmit(
    (data) =>
      round
        ? schoolYear
          ? api('PUT /api/school-years/{schoolYear}/rounds/{id}', {
              path: { schoolYear, id: round.id },
              body: { ...roundBody(data), ...(track === 'secondary' ? {} : { programme: null }) },
            })
          : api('PUT /api/school-year/rounds/{id}', {
              path: { id: round.id },
              body: { ...roundBody(data), ...(track === 'secondary' ? {} : { programme: null }) },
            })
        : schoolYear
          ? api('POST /api/school-years/{schoolYear}/rounds', { path: { schoolYear }, body: roundBody(data) })
          : api('POST /api/school-year/rounds', { body: roundBody(data) }),
    onDone,
    { invalidates },
  );
  return (
    <form ref={form} className="card round-form" onSubmit={onSubmit} noValidate aria-label="Ronde">
      <h2>{round ? `Ronde wijzigen: ${round.name}` : 'Nieuwe ronde'}</h2>
      <FormMessage error={error} />
      <TextField label="Naam" name="name" defaultValue={round?.name ?? ''} error={errors.name} required />
      <SelectField
        label="Opleidingsvorm"
        name="track"
        value={track}
        onChange={(e) => setTrack(e.target.value as Track)}
        options={optionsOf(TRACK_LABELS)}
        error={errors.track}
      />
      {track === 'secondary' && (
        <SelectField
          label="Programma"
          name="programme"
          defaultValue={round?.programme ?? 'seventh_year'}
          options={optionsOf(PROGRAMME_LABELS)}
          error={errors.programme}
        />
      )}
      <SelectField
        label="Soort ronde"
        name="kind"
        defaultValue={round?.kind ?? 'all'}
        options={optionsOf(ROUND_KIND_LABELS)}
        error={errors.kind}
      />
      <TextField
        label="Begin (Brussel)"
        name="opensAt"
        type="datetime-local"
        defaultValue={round?.opensAt ?? ''}
        error={errors.opensAt}
        required
      />
      <TextField
        label="Einde (Brussel)"
        name="closesAt"
        type="datetime-local"
        defaultValue={round?.closesAt ?? ''}
        error={errors.closesAt}
        required
      />
      <CheckboxGroup
        legend="Na het einde"
        name="staysOpen"
        options={[{ value: 'yes', label: 'De lijst blijft open tot de volgende ronde' }]}
        checked={round?.staysOpen ? ['yes'] : []}
        error={errors.staysOpen}
      />
      {track === 'adult' && (
        <fieldset>
          <legend>Voor cursisten van wie de eerste stageperiode begint tussen</legend>
          <TextField
            label="Van"
            name="internshipFrom"
            type="date"
            defaultValue={round?.internship?.from ?? ''}
            error={errors['internship.from'] ?? errors.internship}
          />
          <TextField
            label="Tot en met"
            name="internshipTo"
            type="date"
            defaultValue={round?.internship?.to ?? ''}
            error={errors['internship.to']}
          />
        </fieldset>
      )}
      <p className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Bewaren…' : 'Bewaren'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Annuleren
        </button>
      </p>
    </form>
  );
}

/** A round's form right under the row it changes, across the table's width. */
export function RoundEditRow({ columns, children }: { columns: number; children: React.ReactNode }) {
  return (
    <tr className="round-edit">
      <td colSpan={columns}>{children}</td>
    </tr>
  );
}

/**
 * The admin's calendar: the rounds of the school year, editable, with their mailings. With
 * `?jaar=2027-2028` the same page edits the calendar prepared for that year.
 */
export function CalendarPage() {
  const [params] = useSearchParams();
  const prepared = params.get('jaar');
  return prepared ? <PreparedCalendar schoolYear={prepared} /> : <RunningCalendar />;
}

function RunningCalendar() {
  const year = useQuery(schoolYearQuery);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Round | 'new' | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: schoolYearQuery.queryKey }),
      queryClient.invalidateQueries({ queryKey: tracksQuery.queryKey }),
    ]);
  const remove = useMutation({
    mutationFn: (round: Round) => api('DELETE /api/school-year/rounds/{id}', { path: { id: round.id } }),
    onSuccess: async (_r, round) => {
      await refresh();
      setNotice({ kind: 'ok', text: `"${round.name}" is verwijderd.` });
    },
    onError: (e) => setNotice({ kind: 'error', text: failureText(e, 'Verwijderen lukte niet.') }),
  });
  const remind = useMutation({
    mutationFn: (round: Round) =>
      api('POST /api/school-year/rounds/{id}/reminders', { path: { id: round.id } }),
    onSuccess: (_r, round) =>
      setNotice({
        kind: 'ok',
        text: `De herinneringen voor "${round.name}" worden binnen de minuut verstuurd.`,
      }),
    onError: (e) => setNotice({ kind: 'error', text: failureText(e, 'Versturen lukte niet.') }),
  });

  const saved = (round: Round) => {
    setEditing(null);
    setNotice({ kind: 'ok', text: `"${round.name}" is bewaard.` });
  };

  return (
    <>
      <h1>Kalender</h1>
      <p>
        De rondes van het schooljaar openen en sluiten op het uur dat hier staat (tijd in Brussel). Een
        wijziging geldt meteen. <a href={CALENDAR_FEED}>Zet in je agenda</a>
      </p>
      <p>
        Het volgende schooljaar bereid je voor onder <Link to="/schooljaren">Schooljaren</Link>.
      </p>
      <Notice notice={notice} />
      <QueryState query={year}>
        {(data) => (
          <CardTable label="Rondes">
            <thead>
              <tr>
                <th scope="col">Ronde</th>
                <th scope="col">Voor</th>
                <th scope="col">Begin</th>
                <th scope="col">Einde</th>
                <th scope="col">Nu</th>
                <th scope="col">
                  <span className="visually-hidden">Acties</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rounds.map((r) => (
                <Fragment key={r.id}>
                  <tr data-round={r.id}>
                    <RoundCells round={r} />
                    <td data-label="Einde">
                      {formatWall(r.closesAt)}
                      {r.staysOpen && (
                        <>
                          <br />
                          <small>blijft open tot de volgende ronde</small>
                        </>
                      )}
                    </td>
                    <td data-label="Nu">{ROUND_STATE_LABELS[r.state]}</td>
                    <td className="actions">
                      <Writable>
                        <button type="button" onClick={() => setEditing(r)} aria-label={`Wijzig ${r.name}`}>
                          Wijzigen
                        </button>
                        {r.state === 'open' && (
                          <button
                            type="button"
                            className="secondary"
                            disabled={remind.isPending}
                            onClick={() => remind.mutate(r)}
                          >
                            Herinneringen nu versturen
                          </button>
                        )}
                        <button
                          type="button"
                          className="secondary"
                          disabled={remove.isPending}
                          onClick={() => {
                            if (window.confirm(`"${r.name}" verwijderen?`)) remove.mutate(r);
                          }}
                        >
                          Verwijderen
                        </button>
                      </Writable>
                    </td>
                  </tr>
                  {editing !== 'new' && editing?.id === r.id && (
                    <RoundEditRow columns={6}>
                      <RoundForm round={editing} onDone={saved} onCancel={() => setEditing(null)} />
                    </RoundEditRow>
                  )}
                </Fragment>
              ))}
            </tbody>
          </CardTable>
        )}
      </QueryState>
      {editing === 'new' ? (
        <RoundForm round={null} onDone={saved} onCancel={() => setEditing(null)} />
      ) : (
        <Writable>
          <p>
            <button type="button" onClick={() => setEditing('new')}>
              Ronde toevoegen
            </button>
          </p>
        </Writable>
      )}
      <p>
        Mails die niet vertrokken of terugkwamen, staan op de pagina{' '}
        <Link to="/mislukte-mails">Mislukte mails</Link>.
      </p>
    </>
  );
}

/** A round's first cells, the same in this year's calendar and a prepared one: name, for whom, opening. */
export function RoundCells({ round: r }: { round: Round }) {
  return (
    <>
      <th scope="row">
        {r.name}
        <br />
        <small>{ROUND_KIND_LABELS[r.kind]}</small>
      </th>
      <td data-label="Voor">
        {r.programme ? PROGRAMME_LABELS[r.programme] : TRACK_LABELS[r.track]}
        {r.internship && (
          <>
            <br />
            <small>
              eerste periode {day(r.internship.from)} – {day(r.internship.to)}
            </small>
          </>
        )}
      </td>
      <td data-label="Begin">{formatWall(r.opensAt)}</td>
    </>
  );
}
