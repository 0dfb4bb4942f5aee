import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { ProposedOrganisation, ProposedRound, Round, SchoolYearProposal } from '#contract/school-year';
import { api } from '../../api/client';
import { CardTable } from '../../ui/CardTable';
import { FormMessage, TextField } from '../../ui/fields';
import { Notice, type NoticeState } from '../../ui/Notice';
import { failureText, QueryState } from '../../ui/QueryState';
import { useSubmit } from '../../ui/useSubmit';
import { RoundCells, RoundEditRow, RoundForm } from './CalendarPage';
import { formatWall } from './time';
import { schoolYearProposalQuery, schoolYearsQuery } from './years-queries';

function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return <>Geen</>;
  return (
    <ul className="warnings">
      {warnings.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}

/**
 * "Nieuw schooljaar voorbereiden": next year's calendar as proposed from this year's, every date
 * one year later and flagged where it falls on a weekend or a public holiday. The coordinator
 * edits the rounds as on the running calendar, and chooses which organisations take part.
 */
export function PreparedCalendar({ schoolYear }: { schoolYear: string }) {
  const query = useQuery(schoolYearProposalQuery(schoolYear));
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Round | 'new' | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  const saved = (round: { name: string }) => {
    setEditing(null);
    setNotice({ kind: 'ok', text: `"${round.name}" is bewaard.` });
  };
  const _base = `/school-years/${schoolYear}`;
  const { queryKey } = schoolYearProposalQuery(schoolYear);
  const remove = useMutation({
    mutationFn: (round: ProposedRound) =>
      api('DELETE /api/school-years/{schoolYear}/rounds/{id}', { path: { schoolYear, id: round.id } }),
    onSuccess: async (_r, round) => {
      await queryClient.invalidateQueries({ queryKey });
      setNotice({ kind: 'ok', text: `"${round.name}" is verwijderd.` });
    },
    onError: (e) => setNotice({ kind: 'error', text: failureText(e, 'Verwijderen lukte niet.') }),
  });

  return (
    <>
      <h1>Kalender {schoolYear} (voorbereiding)</h1>
      <p>
        Voorgesteld vanuit het lopende schooljaar: elke datum een jaar later. Valt een datum in een weekend of
        op een feestdag, dan staat dat erbij: kijk die rondes na en pas ze aan waar nodig.{' '}
        <Link to="/schooljaren">Terug naar Schooljaren</Link>
      </p>
      <Notice notice={notice} />
      <QueryState query={query}>
        {(year) => (
          <>
            {!year.editable && (
              <p className="alert alert-error" role="status">
                Deze kalender wordt hier niet meer gewijzigd: het schooljaar {schoolYear} heeft zijn eigen
                kalender.
              </p>
            )}
            <section aria-labelledby="blackout-title">
              <h2 id="blackout-title">Zomerstop</h2>
              <p>
                Van {formatWall(year.blackout.from)} tot {formatWall(year.blackout.to)}; wie dan ingevoerd
                wordt, is zichtbaar vanaf {formatWall(year.blackout.visibleFrom)}.
              </p>
              {year.blackoutWarnings.length > 0 && <Warnings warnings={year.blackoutWarnings} />}
            </section>
            <CardTable label={`Rondes ${schoolYear}`}>
              <thead>
                <tr>
                  <th scope="col">Ronde</th>
                  <th scope="col">Voor</th>
                  <th scope="col">Begin</th>
                  <th scope="col">Einde</th>
                  <th scope="col">Let op</th>
                  <th scope="col">
                    <span className="visually-hidden">Acties</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {year.rounds.map((r) => (
                  <Fragment key={r.id}>
                    <tr data-round={r.id}>
                      <RoundCells round={r} />
                      <td data-label="Einde">{formatWall(r.closesAt)}</td>
                      <td data-label="Let op">
                        <Warnings warnings={r.warnings} />
                      </td>
                      <td className="actions">
                        {year.editable && (
                          <>
                            <button
                              type="button"
                              onClick={() => setEditing(r)}
                              aria-label={`Wijzig ${r.name}`}
                            >
                              Wijzigen
                            </button>
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
                          </>
                        )}
                      </td>
                    </tr>
                    {editing !== 'new' && editing?.id === r.id && (
                      <RoundEditRow columns={6}>
                        <RoundForm
                          round={editing}
                          schoolYear={schoolYear}
                          invalidates={[queryKey]}
                          onDone={saved}
                          onCancel={() => setEditing(null)}
                        />
                      </RoundEditRow>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </CardTable>
            {editing === 'new' ? (
              <RoundForm
                round={null}
                schoolYear={schoolYear}
                invalidates={[queryKey]}
                onDone={saved}
                onCancel={() => setEditing(null)}
              />
            ) : (
              year.editable && (
                <p>
                  <button type="button" onClick={() => setEditing('new')}>
                    Ronde toevoegen
                  </button>
                </p>
              )
            )}
            {year.organisations.length > 0 && <Participation year={year} />}
          </>
        )}
      </QueryState>
    </>
  );
}

const TYPE_TITLES: Record<ProposedOrganisation['type'], string> = {
  admin: 'Sector',
  school: 'Scholen',
  service: 'Diensten gezinszorg',
};

/** Case and accents aside, as people type a name in the filter. */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('nl-BE');

/**
 * Which organisations the new year carries over: every active one unless the coordinator unticks
 * it. Hundreds of names, so they stand in columns, each group counts what goes along, and a filter
 * finds one by name (a filtered-out box keeps its choice).
 */
function Participation({ year }: { year: SchoolYearProposal }) {
  const [saved, setSaved] = useState<string | null>(null);
  const [excluded, setExcluded] = useState(
    () => new Set(year.organisations.filter((o) => o.active && !o.takesPart).map((o) => o.id)),
  );
  const [filter, setFilter] = useState('');
  const { onSubmit, busy, error } = useSubmit(
    () =>
      api('PUT /api/school-years/{schoolYear}/organisations', {
        path: { schoolYear: year.schoolYear },
        body: { excludedOrganisations: [...excluded] },
      }),
    (organisations) =>
      setSaved(`Bewaard: ${organisations.filter((o) => o.takesPart).length} organisaties nemen deel.`),
    { invalidates: [schoolYearProposalQuery(year.schoolYear).queryKey, schoolYearsQuery.queryKey] },
  );
  const toggle = (id: string, takesPart: boolean) => {
    setSaved(null);
    setExcluded((before) => {
      const next = new Set(before);
      if (takesPart) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const wanted = folded(filter.trim());
  const types = (['service', 'school', 'admin'] as const).filter((t) =>
    year.organisations.some((o) => o.type === t),
  );
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="participation-title">
      <h2 id="participation-title">Wie neemt deel in {year.schoolYear}</h2>
      <p>
        Deze organisaties gaan mee naar het nieuwe schooljaar, met hun mensen, contactpersonen en
        stagebegeleiders. Wie niet (meer) actief is, gaat niet mee.
      </p>
      <FormMessage error={error} />
      <TextField
        label="Zoek een organisatie"
        name="zoek"
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        // Enter in the search box looks for a name; it does not save the form.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
      />
      {types.map((type) => {
        const all = year.organisations.filter((o) => o.type === type);
        const going = all.filter((o) => o.active && !excluded.has(o.id)).length;
        const shown = all.filter((o) => folded(o.name).includes(wanted));
        return (
          <fieldset key={type}>
            <legend>
              {TYPE_TITLES[type]}: {going} van {all.length} gaan mee
            </legend>
            {shown.length === 0 ? (
              <p className="hint">Geen naam met “{filter.trim()}”.</p>
            ) : (
              <div className="checkbox-columns">
                {shown.map((o) => (
                  <label key={o.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={o.active && !excluded.has(o.id)}
                      onChange={(e) => toggle(o.id, e.target.checked)}
                      disabled={!o.active || o.type === 'admin'}
                    />
                    <span>
                      {o.name}
                      {!o.active && ' (niet actief)'}
                    </span>
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        );
      })}
      {saved && (
        <p className="alert alert-ok" role="status">
          {saved}
        </p>
      )}
      <p>
        <button type="submit" disabled={busy}>
          {busy ? 'Bewaren…' : 'Deelnemers bewaren'}
        </button>
      </p>
    </form>
  );
}
