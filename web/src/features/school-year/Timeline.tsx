import { useQuery } from '@tanstack/react-query';
import type { Track } from '#contract/organisations';
import type { Round, SchoolYearView } from '#contract/school-year';
import { useAuth } from '../../app/auth/AuthContext';
import { PROGRAMME_LABELS, ROUND_STATE_LABELS, TRACK_LABELS } from '../../labels';
import { QueryState } from '../../ui/QueryState';
import { CALENDAR_FEED, schoolYearQuery } from './queries';
import { countdown, formatWall, instantOf } from './time';

const scopeLabel = (r: Round) => (r.programme ? PROGRAMME_LABELS[r.programme] : TRACK_LABELS[r.track]);

/** The next opening or closing after now, over all rounds. */
function nextChange(rounds: SchoolYearView['rounds'], now: Date) {
  const moments = rounds.flatMap((r) => [
    { round: r, what: 'opent' as const, at: instantOf(r.opensAt) },
    { round: r, what: 'sluit' as const, at: instantOf(r.closesAt) },
  ]);
  return moments.filter((m) => m.at > now).sort((a, b) => a.at.getTime() - b.at.getTime())[0] ?? null;
}

/**
 * The school year's rounds on one line each, with today marked and a countdown to the next
 * change: on every role's start page. A school sees only the rounds of the tracks it offers.
 */
export function Timeline({ tracks }: { tracks?: readonly Track[] | undefined }) {
  const year = useQuery(schoolYearQuery);
  // After a year change people should see at once which year they are in.
  const { me } = useAuth();
  return (
    <section className="card year-timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">
        {me ? `Rondes van schooljaar ${me.schoolYear.id}` : 'Rondes van het schooljaar'}
      </h2>
      <QueryState query={year}>
        {(data) => {
          const now = new Date(data.now);
          const rounds = tracks ? data.rounds.filter((r) => tracks.includes(r.track)) : data.rounds;
          const first = Math.min(...rounds.map((r) => instantOf(r.opensAt).getTime()), now.getTime());
          const last = Math.max(...rounds.map((r) => instantOf(r.closesAt).getTime()), now.getTime());
          const span = Math.max(last - first, 1);
          const pct = (t: number) => `${(((t - first) / span) * 100).toFixed(2)}%`;
          const next = nextChange(rounds, now);
          return (
            <>
              <p className="timeline-next">
                {next
                  ? `${next.round.name} ${next.what} ${countdown(next.at, now)} (${formatWall(
                      next.what === 'opent' ? next.round.opensAt : next.round.closesAt,
                    )}).`
                  : 'Geen wijzigingen meer gepland dit schooljaar.'}
              </p>
              <ol className="timeline-rounds">
                {rounds.map((r) => {
                  const from = instantOf(r.opensAt).getTime();
                  const to = instantOf(r.closesAt).getTime();
                  return (
                    <li key={r.id} className={`timeline-round round-${r.state}`} data-round={r.id}>
                      <div className="timeline-label">
                        <strong>{r.name}</strong>
                        <span className="timeline-scope">{scopeLabel(r)}</span>
                        <span>
                          {formatWall(r.opensAt)} – {formatWall(r.closesAt)}
                          {r.staysOpen ? ', blijft open tot de volgende ronde' : ''}
                        </span>
                        <span className={`badge badge-${r.state}`}>{ROUND_STATE_LABELS[r.state]}</span>
                      </div>
                      <div className="timeline-track" aria-hidden="true">
                        <span
                          className="timeline-bar"
                          style={{ left: pct(from), width: `max(3px, ${pct(first + (to - from))})` }}
                        />
                        <span className="timeline-today" style={{ left: pct(now.getTime()) }} />
                      </div>
                    </li>
                  );
                })}
              </ol>
              <p className="timeline-legend">
                <span className="timeline-today-key" aria-hidden="true" /> de rode lijn is vandaag ·{' '}
                <a href={CALENDAR_FEED}>Zet in je agenda</a> (iCalendar-abonnement)
              </p>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
