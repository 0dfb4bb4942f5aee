import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Track } from '#contract/organisations';
import type { Phase } from '#contract/phases';
import type { Province } from '#contract/provinces';
import type { DecisionStatus, RequestListItem, RequestTab } from '#contract/requests';
import type { TrackStateView } from '#contract/school-year';
import { DECISION_COUNT_LABELS, PROGRAMME_LABELS, PROVINCE_LABELS, TRACK_LABELS } from '../../labels';
import { FilterPanel } from '../../ui/FilterPanel';
import { day } from '../../ui/format';
import { FirstPageFailed, LoadMore } from '../../ui/LoadMore';
import { Notice, type NoticeState } from '../../ui/Notice';
import { Loading, QueriesFailed } from '../../ui/QueryState';
import { useQueryFilters } from '../../ui/useQueryFilters';
import { ExportButton } from '../exports/ExportButton';
import { contactsQuery } from '../people/queries';
import { formatInstant, formatWall, instantOf } from '../school-year/time';
import { AcceptDialog } from './AcceptDialog';
import { tracksQuery } from './queries';
import { RequestFilters } from './RequestFilters';
import { RequestsTable } from './RequestsTable';
import { RequestTabs } from './RequestTabs';
import { useRequestList } from './useRequestList';

const PHASE_TEXT: Record<Phase, string> = {
  closed: 'gesloten: nog geen leerlingen te zien',
  preferred: 'ronde voorkeursdienst: de leerlingen van je provincie die jouw dienst als voorkeur kozen',
  all: 'alle leerlingen zonder stageplaats',
};

/** Which round is open for each scope of the track, until when, and what comes next. */
function RoundStatus({ state }: { state: TrackStateView }) {
  return (
    <ul className="hint plain round-status">
      {state.scopes.map((s) => {
        const scope = s.programme
          ? PROGRAMME_LABELS[s.programme]
          : s.internship
            ? `Eerste periode ${day(s.internship.from)} – ${day(s.internship.to)}`
            : TRACK_LABELS[state.track];
        const round = s.round;
        const until =
          round && s.phase !== 'closed'
            ? instantOf(round.closesAt) > new Date()
              ? ` (${round.name}, open tot ${formatWall(round.closesAt)})`
              : ` (${round.name}, blijft open)`
            : '';
        const next = !s.next
          ? ''
          : s.next.phase === 'closed'
            ? `; sluit op ${formatInstant(s.next.at)}`
            : `; ${PHASE_TEXT[s.next.phase]} vanaf ${formatInstant(s.next.at)}`;
        return (
          <li key={s.key}>
            {scope}: {PHASE_TEXT[s.phase]}
            {until}
            {next}.
          </li>
        );
      })}
      {state.override && <li>De sector heeft deze fase tijdelijk zelf ingesteld.</li>}
    </ul>
  );
}

/** A service's students: those it may still place, and those it accepted. */
export function RequestsPage() {
  const filters = useQueryFilters();
  const track = (filters.params.get('track') ?? 'secondary') as Track;
  const tab = (filters.params.get('tab') ?? 'open') as RequestTab;
  const search = new URLSearchParams(filters.query);
  search.set('track', track);
  search.set('tab', tab);
  // Programmes belong to secondary only.
  if (track !== 'secondary') search.delete('programme');

  const requests = useRequestList(search.toString());
  const contacts = useQuery(contactsQuery);
  const tracks = useQuery(tracksQuery);
  const state = tracks.data?.items.find((p) => p.track === track) ?? null;
  const [accepting, setAccepting] = useState<RequestListItem | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  const gone = (id: string, message: string) => {
    requests.removed(id);
    setNotice({ kind: 'error', text: message });
  };

  const { list, items, total, summary } = requests;
  const provinces = filters.list('province') as Province[];
  return (
    <>
      <div className="page-head">
        <h1>Stagevragen</h1>
        <ExportButton list="service-requests" filters={Object.fromEntries(search)} />
      </div>
      <RequestTabs
        track={track}
        tab={tab}
        onTrack={(next) => filters.set('track', next)}
        onTab={(next) => filters.set('tab', next)}
      />
      {tab === 'open' && state && <RoundStatus state={state} />}
      {tab === 'open' && track === 'dual' && state?.scopes.some((s) => s.phase === 'all') && (
        <p className="hint">Nodig uit op gesprek en noteer na elk gesprek de uitkomst.</p>
      )}
      {contacts.data?.items.length === 0 && tab === 'open' && (
        <div className="alert alert-warn">
          <Link to="/contactpersonen">Voeg eerst een contactpersoon toe</Link>: die kies je bij het
          aanvaarden.
        </div>
      )}
      <QueriesFailed queries={[contacts, tracks]} />
      {track === 'dual' && summary && (
        <>
          <p className="counter-bar" role="status" aria-label="Tellers per status">
            {(Object.keys(DECISION_COUNT_LABELS) as DecisionStatus[])
              .filter((s) => s !== 'undecided' && summary.statusCounts[s])
              .map((s) => `${summary.statusCounts[s]} ${DECISION_COUNT_LABELS[s]}`)
              .join(' · ') || 'Nog geen uitnodigingen of beslissingen.'}
          </p>
          {summary.todos > 0 && (
            <div className="alert alert-warn" role="status">
              {summary.todos === 1
                ? 'Eén uitnodiging wacht al meer dan 14 dagen op een uitkomst'
                : `${summary.todos} uitnodigingen wachten al meer dan 14 dagen op een uitkomst`}
              : noteer na elk gesprek aanvaard, niet aanvaard of niet opgedaagd (gemarkeerd met "uitkomst
              invullen").
            </div>
          )}
        </>
      )}
      <FilterPanel
        filters={filters}
        ignore={['track', 'tab']}
        title="Filters en sortering"
        refreshing={list.isPlaceholderData}
      >
        <RequestFilters filters={filters} programmes={track === 'secondary'} />
      </FilterPanel>
      <Notice notice={notice} />
      <FirstPageFailed list={list} />
      {list.isPending && <Loading />}
      {total !== null && (
        <p>
          {total} {total === 1 ? 'leerling' : 'leerlingen'}
          {provinces.length > 0 && ` in ${provinces.map((p) => PROVINCE_LABELS[p]).join(', ')}`}
        </p>
      )}
      {items.length > 0 && (
        <RequestsTable
          items={items}
          onAccept={setAccepting}
          // Accepting needs a contact person: without one the dialog would be a dead end.
          canAccept={(contacts.data?.items.length ?? 0) > 0}
          onDecided={requests.decided}
          onGone={(item, message) => gone(item.id, message)}
        />
      )}
      <LoadMore pages={list} label="Meer leerlingen laden" />
      {accepting && (
        <AcceptDialog
          student={accepting}
          contacts={contacts.data?.items ?? []}
          onClose={() => setAccepting(null)}
          onAccepted={(detail) => {
            setAccepting(null);
            requests.decided(detail);
            requests.removed(detail.id);
            setNotice({
              kind: 'ok',
              text: `${detail.firstName} ${detail.lastName} is aanvaard. Je vindt de leerling bij "Aanvaard door ons".`,
            });
          }}
          onTakenElsewhere={(message) => {
            const id = accepting.id;
            setAccepting(null);
            gone(id, message);
          }}
        />
      )}
    </>
  );
}
