import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Track } from '#contract/organisations';
import type { Phase } from '#contract/phases';
import { api } from '../../api/client';
import { optionsOf, PHASE_LABELS, PROGRAMME_LABELS, TRACK_LABELS } from '../../labels';
import { CardTable } from '../../ui/CardTable';
import { day } from '../../ui/format';
import { Notice, type NoticeState } from '../../ui/Notice';
import { failureText, QueryState } from '../../ui/QueryState';
import { formatInstant } from '../school-year/time';
import { requestsKey, tracksQuery } from './queries';

const CALENDAR = '';

/**
 * What services see now, per track and scope, as the calendar gives it; and the admin's emergency
 * override per track, which beats the calendar until it is set back to "volgens de kalender".
 */
export function PhasesPage() {
  const tracks = useQuery(tracksQuery);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<NoticeState>(null);
  const change = useMutation({
    mutationFn: ({ track, phase }: { track: Track; phase: Phase | null }) =>
      api('PUT /api/tracks/{track}/phase', { path: { track }, body: { phase } }),
    onSuccess: async ({ track, phase }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: tracksQuery.queryKey }),
        queryClient.invalidateQueries({ queryKey: requestsKey }),
      ]);
      setNotice({
        kind: 'ok',
        text: `${TRACK_LABELS[track]}: ${phase ? `${PHASE_LABELS[phase]} (voorrang op de kalender)` : 'volgens de kalender'}.`,
      });
    },
    onError: (error) => setNotice({ kind: 'error', text: failureText(error, 'Wijzigen lukte niet.') }),
  });

  return (
    <section>
      <h1>Rondes</h1>
      <p>
        Wat de diensten zien, volgt de kalender tot op de seconde. In nood kan je per opleidingsvorm de
        kalender overrulen tot je hem terugzet.
      </p>
      <Notice notice={notice} />
      <QueryState query={tracks}>
        {({ items }) => (
          <CardTable label="Fase per opleidingsvorm">
            <thead>
              <tr>
                <th scope="col">Opleidingsvorm</th>
                <th scope="col">Wat diensten nu zien</th>
                <th scope="col">Fase</th>
              </tr>
            </thead>
            <tbody>
              {items.map(({ track, override, scopes }) => (
                <tr key={track}>
                  <th scope="row">{TRACK_LABELS[track]}</th>
                  <td data-label="Nu">
                    <ul className="plain">
                      {scopes.map((s) => (
                        <li key={s.key}>
                          {s.programme
                            ? `${PROGRAMME_LABELS[s.programme]}: `
                            : s.internship
                              ? `Eerste periode ${day(s.internship.from)} – ${day(s.internship.to)}: `
                              : ''}
                          <strong>{PHASE_LABELS[s.phase]}</strong>
                          {s.next &&
                            ` · ${PHASE_LABELS[s.next.phase].toLowerCase()} vanaf ${formatInstant(s.next.at)}`}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td data-label="Fase">
                    <select
                      aria-label={`Fase van ${TRACK_LABELS[track]}`}
                      value={
                        change.isPending && change.variables.track === track
                          ? (change.variables.phase ?? CALENDAR)
                          : (override ?? CALENDAR)
                      }
                      disabled={change.isPending}
                      onChange={(e) =>
                        change.mutate({
                          track,
                          phase: e.target.value === CALENDAR ? null : (e.target.value as Phase),
                        })
                      }
                    >
                      <option value={CALENDAR}>Volgens de kalender</option>
                      {optionsOf(PHASE_LABELS).map(({ value, label }) => (
                        <option key={value} value={value}>
                          Voorrang: {label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </CardTable>
        )}
      </QueryState>
    </section>
  );
}
