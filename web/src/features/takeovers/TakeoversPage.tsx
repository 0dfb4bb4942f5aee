import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Takeover } from '#contract/takeovers';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth/AuthContext';
import { TAKEOVER_STATUS_LABELS } from '../../labels';
import { FormMessage, SelectField } from '../../ui/fields';
import { longDate } from '../../ui/format';
import { Notice, type NoticeState } from '../../ui/Notice';
import { failureText, QueryState } from '../../ui/QueryState';
import { field, useSubmit } from '../../ui/useSubmit';

const takeoversKey = ['takeovers'] as const;
const takeoversQuery = queryOptions({
  queryKey: takeoversKey,
  queryFn: ({ signal }) => api('GET /api/takeovers', { signal }),
});
const servicesQuery = queryOptions({
  queryKey: [...takeoversKey, 'services'],
  queryFn: ({ signal }) => api('GET /api/takeovers/services', { signal }),
});

/** Ask to take over a service; answer requests for your own service; the admin decides after two weeks. */
export function TakeoversPage() {
  const { me } = useAuth();
  const list = useQuery(takeoversQuery);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<NoticeState>(null);
  const answer = useMutation({
    mutationFn: ({ t, approve }: { t: Takeover; approve: boolean }) =>
      approve
        ? api('POST /api/takeovers/{id}/approve', { path: { id: t.id } })
        : api('POST /api/takeovers/{id}/reject', { path: { id: t.id } }),
    onSuccess: async (_, { approve }) => {
      await queryClient.invalidateQueries({ queryKey: takeoversKey });
      setNotice({ kind: 'ok', text: approve ? 'Goedgekeurd.' : 'Afgewezen.' });
    },
    onError: (error) => setNotice({ kind: 'error', text: failureText(error, 'Dat lukte niet.') }),
  });
  const Row = ({ t, canAnswer }: { t: Takeover; canAnswer: boolean }) => (
    <li className="card">
      <strong>{t.requesterName}</strong> vraagt het beheer van <strong>{t.serviceName}</strong> over te nemen
      · {TAKEOVER_STATUS_LABELS[t.status]} · antwoord vóór {longDate(t.deadline)}
      {t.escalatedAt && ' · bij het team van de sector'}
      {canAnswer && t.status === 'pending' && (
        <p>
          <button
            type="button"
            disabled={answer.isPending}
            onClick={() => answer.mutate({ t, approve: true })}
          >
            Goedkeuren
          </button>{' '}
          <button
            type="button"
            className="secondary"
            disabled={answer.isPending}
            onClick={() => answer.mutate({ t, approve: false })}
          >
            Afwijzen
          </button>
        </p>
      )}
    </li>
  );
  return (
    <>
      <h1>Overnames</h1>
      <Notice notice={notice} />
      <QueryState query={list}>
        {({ mine, forService, escalated }) => (
          <>
            {me?.role === 'admin' && (
              <>
                <h2>Wachten op jouw beslissing</h2>
                {escalated.length === 0 ? (
                  <p>Geen vragen: de beheerders antwoordden op tijd.</p>
                ) : (
                  <ul className="card-list">
                    {escalated.map((t) => (
                      <Row key={t.id} t={t} canAnswer />
                    ))}
                  </ul>
                )}
              </>
            )}
            {me?.role === 'service' && (
              <>
                <h2>Vragen om jouw dienst over te nemen</h2>
                {forService.length === 0 ? (
                  <p>Geen vragen.</p>
                ) : (
                  <ul className="card-list">
                    {forService.map((t) => (
                      <Row key={t.id} t={t} canAnswer={!t.escalatedAt} />
                    ))}
                  </ul>
                )}
              </>
            )}
            {mine.length > 0 && (
              <>
                <h2>Jouw lopende vragen</h2>
                <ul className="card-list">
                  {mine.map((t) => (
                    <Row key={t.id} t={t} canAnswer={false} />
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </QueryState>
      {me?.role !== 'admin' && <RequestForm onDone={(text) => setNotice({ kind: 'ok', text })} />}
    </>
  );
}

function RequestForm({ onDone }: { onDone: (text: string) => void }) {
  const services = useQuery(servicesQuery);
  const submit = useSubmit(
    (data) => api('POST /api/takeovers', { body: { serviceId: field(data, 'serviceId') } }),
    (t) =>
      onDone(`Je vraag ging naar de beheerders van ${t.serviceName}. Zij antwoorden binnen de twee weken.`),
    { invalidates: [takeoversKey], clearOnDone: true },
  );
  return (
    <>
      <h2>Het beheer van een dienst overnemen</h2>
      <QueryState query={services}>
        {({ items }) => (
          <form onSubmit={submit.onSubmit} noValidate className="form narrow">
            <FormMessage error={submit.error} />
            <SelectField
              label="Dienst"
              name="serviceId"
              error={submit.errors.serviceId}
              options={[
                { value: '', label: 'Kies de dienst' },
                ...items.map((s) => ({ value: s.id, label: `${s.name} (${s.city})` })),
              ]}
            />
            <button type="submit" disabled={submit.busy}>
              Overname vragen
            </button>
          </form>
        )}
      </QueryState>
    </>
  );
}
