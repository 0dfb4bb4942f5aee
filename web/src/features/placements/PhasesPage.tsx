import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Track } from '#contract/organisations';
import type { Phase, PhaseBody, TrackPhase } from '#contract/phases';
import { api } from '../../api/client';
import { optionsOf, PHASE_LABELS, TRACK_LABELS } from '../../labels';
import { Notice, type NoticeState } from '../../ui/Notice';
import { failureText, QueryState } from '../../ui/QueryState';
import { requestsKey, tracksQuery } from './queries';

/** The admin opens and closes what services see, per track. */
export function PhasesPage() {
  const tracks = useQuery(tracksQuery);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<NoticeState>(null);
  const change = useMutation({
    mutationFn: ({ track, phase }: TrackPhase) =>
      api<TrackPhase>(`/tracks/${track}/phase`, { method: 'PUT', json: { phase } satisfies PhaseBody }),
    onSuccess: async ({ track, phase }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: tracksQuery.queryKey }),
        queryClient.invalidateQueries({ queryKey: requestsKey }),
      ]);
      setNotice({ kind: 'ok', text: `${TRACK_LABELS[track]}: ${PHASE_LABELS[phase]}.` });
    },
    onError: (error) => setNotice({ kind: 'error', text: failureText(error, 'Wijzigen lukte niet.') }),
  });
  // While a change is on its way, its select already shows the new phase.
  const shown = (track: Track, phase: Phase) =>
    change.isPending && change.variables.track === track ? change.variables.phase : phase;

  return (
    <section className="narrow">
      <h1>Rondes</h1>
      <p>Kies per opleidingsvorm wat de diensten zien.</p>
      <Notice notice={notice} />
      <QueryState query={tracks}>
        {({ items }) => (
          <table className="table">
            <tbody>
              {items.map(({ track, phase }) => (
                <tr key={track}>
                  <th scope="row">{TRACK_LABELS[track]}</th>
                  <td>
                    <select
                      aria-label={`Fase van ${TRACK_LABELS[track]}`}
                      value={shown(track, phase)}
                      disabled={change.isPending}
                      onChange={(e) => change.mutate({ track, phase: e.target.value as Phase })}
                    >
                      {optionsOf(PHASE_LABELS).map(({ value, label }) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}
