import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiAnswer } from '#contract/api';
import { PROVINCE_LABELS } from '#contract/provinces';
import { api } from '../../api/client';
import { REGISTRATION_STATUS_LABELS, TRACK_LABELS } from '../../labels';
import { longDate, period } from '../../ui/format';
import { Notice, type NoticeState } from '../../ui/Notice';
import { failureText, QueryState } from '../../ui/QueryState';

type Listed = ApiAnswer<'GET /api/admin/registrations'>['items'][number];

const registrationsKey = ['registrations'] as const;
const registrationsQuery = queryOptions({
  queryKey: registrationsKey,
  queryFn: ({ signal }) => api('GET /api/admin/registrations', { signal }),
});

/** The admin's answer to services that registered themselves. */
export function RegistrationsPage() {
  const list = useQuery(registrationsQuery);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<NoticeState>(null);
  const decide = useMutation({
    mutationFn: ({
      r,
      approve,
      reason,
    }: {
      r: Listed;
      approve: boolean;
      reason?: string;
    }): Promise<unknown> =>
      approve
        ? api('POST /api/admin/registrations/{id}/approve', { path: { id: r.id } })
        : api('POST /api/admin/registrations/{id}/reject', {
            path: { id: r.id },
            body: { reason: reason ?? '' },
          }),
    onSuccess: async (_, { r, approve }) => {
      await queryClient.invalidateQueries({ queryKey: registrationsKey });
      setNotice({
        kind: 'ok',
        text: approve
          ? `${r.name} is goedgekeurd; ${r.manager.name} kreeg een activatiemail.`
          : `${r.name} is afgewezen; de reden ging per mail naar ${r.manager.name}.`,
      });
    },
    onError: (error) => setNotice({ kind: 'error', text: failureText(error, 'Dat lukte niet.') }),
  });
  return (
    <>
      <h1>Registraties</h1>
      <p>
        Diensten die zich registreerden als stageplaats. De handleiding belooft een antwoord binnen de twee
        weken.
      </p>
      <Notice notice={notice} />
      <QueryState query={list}>
        {({ items }) =>
          items.length === 0 ? (
            <p>Er zijn nog geen registraties.</p>
          ) : (
            <ul className="card-list">
              {items.map((r) => (
                <li key={r.id} className="card">
                  <h2>{r.name}</h2>
                  <p>
                    <span className={`badge status-${r.status === 'approved' ? 'accepted' : r.status}`}>
                      {REGISTRATION_STATUS_LABELS[r.status]}
                    </span>{' '}
                    ingediend op {longDate(r.submittedAt)}
                  </p>
                  <p>
                    {r.address.street}, {r.address.postcode} {r.address.city} ({PROVINCE_LABELS[r.province]})
                    · {r.offer.tracks.map((t) => TRACK_LABELS[t]).join(', ')} · {r.offer.places} plaats(en) ·{' '}
                    {r.offer.periods.map(period).join(', ')}
                  </p>
                  <p>
                    Verantwoordelijke: {r.manager.name} ({r.manager.email}). Verklaring over de mentoren:
                    bevestigd.
                  </p>
                  {r.reason && <p>Reden van afwijzing: {r.reason}</p>}
                  {r.status === 'pending' && (
                    <p>
                      <button
                        type="button"
                        disabled={decide.isPending}
                        onClick={() => decide.mutate({ r, approve: true })}
                      >
                        Goedkeuren
                      </button>{' '}
                      <button
                        type="button"
                        className="secondary"
                        disabled={decide.isPending}
                        onClick={() => {
                          const reason = window.prompt(
                            `Waarom wijs je ${r.name} af? De dienst krijgt dit in de mail.`,
                          );
                          if (reason?.trim()) decide.mutate({ r, approve: false, reason });
                        }}
                      >
                        Afwijzen
                      </button>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
