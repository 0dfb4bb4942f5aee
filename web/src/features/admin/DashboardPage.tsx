import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Dashboard, PlacementFigures } from '#contract/admin';
import type { Track } from '#contract/organisations';
import { PROVINCES } from '#contract/provinces';
import { TIME_ZONE } from '#contract/time';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth/AuthContext';
import { useYearWritable } from '../../app/auth/Writable';
import { PROVINCE_LABELS, TRACK_LABELS } from '../../labels';
import { CardTable } from '../../ui/CardTable';
import { longDate } from '../../ui/format';
import { Notice, type NoticeState } from '../../ui/Notice';
import { failureText, QueryState } from '../../ui/QueryState';
import { useQueryFilters } from '../../ui/useQueryFilters';
import { HealthPanel } from './HealthPanel';
import { PlacedChart } from './PlacedChart';
import { adminKey, dashboardQuery, evaluationCountsQuery, type RoundMark } from './queries';

const TRACK_CHOICES: { value: '' | Track; label: string }[] = [
  { value: '', label: 'Alle' },
  { value: 'secondary', label: 'Secundair' },
  { value: 'adult', label: 'Volwassenen' },
  { value: 'dual', label: 'Duaal' },
];

const brusselsToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/** Placed, as a share of the students who did not stop: those still in the running. */
const percentPlaced = (f: PlacementFigures) => {
  const base = f.entered - f.stopped;
  return base > 0 ? `${Math.round((f.placed / base) * 100)}\u00a0%` : '—';
};

/** The sector's overview: how placement goes, per track and province, and who needs a nudge. */
export function DashboardPage() {
  const writable = useYearWritable();
  const filters = useQueryFilters();
  const track = filters.params.get('track') ?? '';
  const dashboard = useQuery({ ...dashboardQuery(track), placeholderData: keepPreviousData });
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<NoticeState>(null);
  // A regional team's figures cover its provinces only (the server limits them); say which.
  const region = useAuth().me?.provinces ?? null;
  const recount = useMutation({
    mutationFn: () => api('POST /api/admin/dashboard/recount'),
    onSuccess: async ({ counted }) => {
      await queryClient.invalidateQueries({ queryKey: adminKey });
      const total = Object.values(counted).reduce((a, b) => a + b, 0);
      setNotice({ kind: 'ok', text: `Herberekend: ${total} leerlingen geteld.` });
    },
    onError: (error) => setNotice({ kind: 'error', text: failureText(error, 'Herberekenen lukte niet.') }),
  });

  return (
    <div className="dashboard">
      <div className="page-head">
        <h1>
          Overzicht
          {region && region.length > 0 && (
            <span className="region-badge">Regio: {region.map((p) => PROVINCE_LABELS[p]).join(', ')}</span>
          )}
        </h1>
        <div className="page-actions no-print">
          <button type="button" className="secondary" onClick={() => window.print()}>
            Afdrukken
          </button>
          {!region?.length && writable && (
            <button
              type="button"
              className="secondary"
              disabled={recount.isPending}
              onClick={() => {
                setNotice(null);
                if (
                  window.confirm(
                    'Alle cijfers opnieuw tellen uit de leerlingen zelf? Dat is enkel nodig na een herstel of een import buiten de app; het duurt even.',
                  )
                ) {
                  recount.mutate();
                }
              }}
            >
              {recount.isPending ? 'Bezig met tellen…' : 'Herberekenen'}
            </button>
          )}
        </div>
      </div>
      <fieldset className="segmented no-print">
        <legend>Opleidingsvorm</legend>
        {TRACK_CHOICES.map((c) => (
          <label key={c.value}>
            <input
              type="radio"
              name="track"
              value={c.value}
              checked={track === c.value}
              onChange={() => filters.set('track', c.value)}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      <p className="print-only">
        {region?.length ? `Regio: ${region.map((p) => PROVINCE_LABELS[p]).join(', ')} · ` : ''}
        Opleidingsvorm: {track ? TRACK_LABELS[track as Track] : 'alle'} · afgedrukt op{' '}
        {longDate(new Date().toISOString())}
      </p>
      <Notice notice={notice} />
      {/* The system's health is the national team's (the server refuses a region). */}
      {!region?.length && <HealthPanel />}
      <QueryState query={dashboard}>
        {(d) => (
          // The dashboard carries the calendar's rounds of the shown track(s): the chart marks them.
          <DashboardView dashboard={d} rounds={d.rounds} />
        )}
      </QueryState>
    </div>
  );
}

const FIGURES: { key: keyof PlacementFigures; label: string; hint: string }[] = [
  { key: 'entered', label: 'Ingevoerd', hint: 'leerlingen door scholen ingevoerd' },
  { key: 'open', label: 'Zonder plaats', hint: 'nog niet geplaatst en niet gestopt' },
  { key: 'visible', label: 'Zichtbaar', hint: 'zonder plaats en nu zichtbaar voor diensten' },
  { key: 'placed', label: 'Geplaatst', hint: 'door een dienst aanvaard' },
  { key: 'stopped', label: 'Gestopt', hint: 'door de school als gestopt gemeld' },
];

function DashboardView({ dashboard: d, rounds }: { dashboard: Dashboard; rounds: RoundMark[] }) {
  return (
    <>
      <ReleaseRequestsToAnswer items={d.releaseRequests} />
      <dl className="figures" aria-label="Kerncijfers">
        {FIGURES.map((f) => (
          <div key={f.key} className={`figure figure-${f.key}`}>
            <dt>{f.label}</dt>
            <dd>
              <span className="figure-value">{d.totals[f.key].toLocaleString('nl-BE')}</span>
              <span className="hint">{f.hint}</span>
            </dd>
          </div>
        ))}
        <div className="figure figure-percent">
          <dt>% geplaatst</dt>
          <dd>
            <span className="figure-value">{percentPlaced(d.totals)}</span>
            <span className="hint">van wie niet stopte</span>
          </dd>
        </div>
      </dl>

      <section className="card" aria-labelledby="chart-title">
        <h2 id="chart-title">Ingevoerde en geplaatste leerlingen in de tijd</h2>
        <PlacedChart daily={d.daily} entered={d.totals.entered} today={brusselsToday()} rounds={rounds} />
      </section>

      <section className="card" aria-labelledby="province-title">
        <h2 id="province-title">Per provincie</h2>
        <CardTable label="Cijfers per provincie" className="figures-table">
          <thead>
            <tr>
              <th scope="col">Provincie</th>
              {FIGURES.map((f) => (
                <th key={f.key} scope="col" className="num">
                  {f.label}
                </th>
              ))}
              <th scope="col" className="num">
                % geplaatst
              </th>
            </tr>
          </thead>
          <tbody>
            {PROVINCES.map((p) => {
              const f = d.byProvince[p];
              if (!f) return null;
              return (
                <tr key={p}>
                  <th scope="row">{PROVINCE_LABELS[p]}</th>
                  {FIGURES.map((c) => (
                    <td key={c.key} className="num" data-label={c.label}>
                      {f[c.key].toLocaleString('nl-BE')}
                    </td>
                  ))}
                  <td className="num" data-label="% geplaatst">
                    {percentPlaced(f)}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Totaal</th>
              {FIGURES.map((c) => (
                <td key={c.key} className="num" data-label={c.label}>
                  {d.totals[c.key].toLocaleString('nl-BE')}
                </td>
              ))}
              <td className="num" data-label="% geplaatst">
                {percentPlaced(d.totals)}
              </td>
            </tr>
          </tfoot>
        </CardTable>
      </section>

      <div className="columns nudges">
        <section className="card" aria-labelledby="quiet-title">
          <h2 id="quiet-title">Stille diensten</h2>
          <p className="hint">Niet aangemeld en niets beslist sinds {longDate(d.nudges.since)}.</p>
          <ShortList
            items={d.nudges.quietServices}
            empty="Alle diensten waren onlangs actief."
            render={(s) => (
              <>
                <Link to={`/organisaties/${s.id}`}>{s.name}</Link>
                <span className="hint">
                  {' '}
                  ·{' '}
                  {s.province
                    ? (PROVINCE_LABELS[s.province as keyof typeof PROVINCE_LABELS] ?? s.province)
                    : '—'}{' '}
                  · {s.lastLoginAt ? `laatst aangemeld ${longDate(s.lastLoginAt)}` : 'nooit aangemeld'}
                </span>
              </>
            )}
          />
        </section>
        <section className="card" aria-labelledby="schools-title">
          <h2 id="schools-title">Scholen met leerlingen zonder plaats</h2>
          <ShortList
            items={d.nudges.schoolsWithOpenStudents}
            empty="Elke school heeft al haar leerlingen geplaatst."
            render={(s) => (
              <>
                <Link to={`/alle-leerlingen?school=${encodeURIComponent(s.name)}&status=open`}>{s.name}</Link>
                <span className="hint">
                  {' '}
                  · {s.open} {s.open === 1 ? 'leerling' : 'leerlingen'} zonder plaats
                </span>
              </>
            )}
          />
        </section>
      </div>
      {/* The sector's evaluation counts are the national team's (the server refuses a region). */}
      {!d.region?.length && <Evaluations />}
    </>
  );
}

/** The services' requests to release a placement: the sector's to-do, each a link to the student. */
function ReleaseRequestsToAnswer({ items }: { items: Dashboard['releaseRequests'] }) {
  if (items.length === 0) return null;
  return (
    <section className="card todo" aria-labelledby="todo-title">
      <h2 id="todo-title">Te doen: vragen om een plaatsing vrij te geven ({items.length})</h2>
      <ul className="plain-list">
        {items.map((r) => (
          <li key={r.studentId}>
            <Link to={`/alle-leerlingen/${r.studentId}`}>{r.studentName}</Link>
            <span className="hint">
              {' '}
              · {r.schoolName} · gevraagd door {r.serviceName} op {longDate(r.requestedAt)}
            </span>
            <div className="hint">Reden: {r.reason}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** How many evaluations there are (never what they say), for every track together. */
function Evaluations() {
  const counts = useQuery(evaluationCountsQuery);
  return (
    <section className="card" aria-labelledby="evaluations-title">
      <h2 id="evaluations-title">Evaluaties</h2>
      <QueryState query={counts}>
        {(c) => (
          <CardTable label="Aantal evaluaties" className="figures-table">
            <thead>
              <tr>
                <th scope="col">Evaluatie</th>
                <th scope="col" className="num">
                  Positief
                </th>
                <th scope="col" className="num">
                  Negatief
                </th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['interim', 'Tussentijdse evaluatie'],
                  ['final', 'Eindevaluatie'],
                ] as const
              ).map(([kind, label]) => (
                <tr key={kind}>
                  <th scope="row">{label}</th>
                  <td className="num" data-label="Positief">
                    {c[kind].positive.toLocaleString('nl-BE')}
                  </td>
                  <td className="num" data-label="Negatief">
                    {c[kind].negative.toLocaleString('nl-BE')}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Trajecten afgerond</th>
                <td className="num" data-label="Aantal" colSpan={2}>
                  {c.completed.toLocaleString('nl-BE')}
                </td>
              </tr>
            </tfoot>
          </CardTable>
        )}
      </QueryState>
    </section>
  );
}

const SHORT = 8;

/** The first few of a list, and the rest on request (always all of it on paper). */
function ShortList<T extends { id: string }>({
  items,
  empty,
  render,
}: {
  items: T[];
  empty: string;
  render: (item: T) => React.ReactNode;
}) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <>
      <ul className="plain-list short-list">
        {items.map((item, i) => (
          <li key={item.id} className={!all && i >= SHORT ? 'print-only' : undefined}>
            {render(item)}
          </li>
        ))}
      </ul>
      {items.length > SHORT && (
        <button type="button" className="text-button no-print" onClick={() => setAll(!all)}>
          {all ? 'Toon minder' : `Toon alle ${items.length}`}
        </button>
      )}
    </>
  );
}
