import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EvaluationKind, HourContext, Trajectory, Verdict } from '#contract/trajectory';
import { api } from '../../api/client';
import { useYearWritable } from '../../app/auth/Writable';
import { EVALUATION_KIND_LABELS, HOUR_CONTEXT_LABELS, VERDICT_LABELS } from '../../labels';
import { FormMessage, SelectField, TextField } from '../../ui/fields';
import { day, longDate } from '../../ui/format';
import { Notice, type NoticeState } from '../../ui/Notice';
import { failureText, QueryState } from '../../ui/QueryState';
import { field, useSubmit } from '../../ui/useSubmit';
import { HoursBars } from './HoursBars';
import { trajectoryKey, trajectoryQuery } from './queries';

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' });

/** After the match, for the school and the placing service: hours, evaluations, remote supervision. */
export function TrajectorySection({ studentId, side }: { studentId: string; side: 'school' | 'service' }) {
  const trajectory = useQuery(trajectoryQuery(studentId));
  return (
    <section className="trajectory" aria-labelledby={`traject-${studentId}`}>
      <h2 id={`traject-${studentId}`}>Stageverloop</h2>
      <QueryState query={trajectory}>{(tr) => <TrajectoryView trajectory={tr} side={side} />}</QueryState>
    </section>
  );
}

function TrajectoryView({ trajectory: tr, side }: { trajectory: Trajectory; side: 'school' | 'service' }) {
  const queryClient = useQueryClient();
  const writable = useYearWritable();
  const [notice, setNotice] = useState<NoticeState>(null);
  const invalidates = [trajectoryKey, ['students']];
  const path = { id: tr.studentId };
  // A completed trajectory, or any in an archived year, is read only.
  const closed = tr.completedAt !== null || !writable;

  const hours = useSubmit(
    (data) =>
      api('POST /api/students/{id}/hours', {
        path,
        body: {
          date: field(data, 'date'),
          hours: Number(field(data, 'hours').replace(',', '.')),
          ...(side === 'school' ? { context: field(data, 'context') as HourContext } : {}),
        },
      }),
    () => setNotice({ kind: 'ok', text: 'De uren zijn geregistreerd.' }),
    { invalidates, clearOnDone: true },
  );
  const evaluation = useSubmit(
    (data) =>
      api('POST /api/students/{id}/evaluations', {
        path,
        body: {
          kind: field(data, 'kind') as EvaluationKind,
          verdict: field(data, 'verdict') as Verdict,
          text: field(data, 'text'),
        },
      }),
    () => setNotice({ kind: 'ok', text: 'De evaluatie is bewaard.' }),
    { invalidates, clearOnDone: true },
  );
  const action = useMutation({
    mutationFn: (what: 'remote-on' | 'remote-off' | 'complete'): Promise<unknown> =>
      what === 'complete'
        ? api('POST /api/students/{id}/complete', { path })
        : api('PUT /api/students/{id}/remote-supervision', { path, body: { on: what === 'remote-on' } }),
    onSuccess: async () => {
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      setNotice({ kind: 'ok', text: 'Bewaard.' });
    },
    onError: (error) => setNotice({ kind: 'error', text: failureText(error, 'Dat lukte niet.') }),
  });

  return (
    <>
      <Notice notice={notice} />
      <HoursBars hours={tr.hours} />
      {closed && (
        <p className="badge status-accepted">Traject afgerond op {longDate(tr.completedAt ?? '')}</p>
      )}

      <h3>Uren</h3>
      {tr.entries.length === 0 ? (
        <p>Nog geen uren geregistreerd.</p>
      ) : (
        <ul className="plain-list">
          {tr.entries.map((e) => (
            <li key={e.id}>
              {day(e.date)}: {e.hours.toLocaleString('nl-BE')} uur · {HOUR_CONTEXT_LABELS[e.context]}
              {e.by === 'school' ? ' (school)' : ' (dienst)'}
            </li>
          ))}
        </ul>
      )}
      {!closed && (
        <form onSubmit={hours.onSubmit} noValidate className="form inline-form">
          <FormMessage error={hours.error} />
          <TextField label="Datum" name="date" type="date" defaultValue={today()} error={hours.errors.date} />
          <TextField label="Aantal uren" name="hours" inputMode="decimal" error={hours.errors.hours} />
          {side === 'school' && (
            <SelectField
              label="Context"
              name="context"
              error={hours.errors.context}
              options={(Object.keys(HOUR_CONTEXT_LABELS) as HourContext[]).map((c) => ({
                value: c,
                label: HOUR_CONTEXT_LABELS[c],
              }))}
            />
          )}
          <button type="submit" disabled={hours.busy}>
            Uren registreren
          </button>
        </form>
      )}

      <h3>Evaluaties</h3>
      {tr.evaluations.length === 0 ? (
        <p>Nog geen evaluaties.</p>
      ) : (
        <ul className="plain-list">
          {tr.evaluations.map((e) => (
            <li key={e.id}>
              <strong>
                {EVALUATION_KIND_LABELS[e.kind]} · {VERDICT_LABELS[e.verdict]}
              </strong>{' '}
              — {e.organisationName}, {longDate(e.at)}
              <div>{e.text}</div>
            </li>
          ))}
        </ul>
      )}
      {!closed && (
        <form onSubmit={evaluation.onSubmit} noValidate className="form narrow">
          <FormMessage error={evaluation.error} />
          <SelectField
            label="Soort evaluatie"
            name="kind"
            error={evaluation.errors.kind}
            options={[
              { value: 'interim', label: EVALUATION_KIND_LABELS.interim },
              ...(side === 'service' && tr.mayGiveFinal
                ? [{ value: 'final', label: EVALUATION_KIND_LABELS.final }]
                : []),
            ]}
          />
          <SelectField
            label="Oordeel"
            name="verdict"
            error={evaluation.errors.verdict}
            options={[
              { value: 'positive', label: VERDICT_LABELS.positive },
              { value: 'negative', label: VERDICT_LABELS.negative },
            ]}
          />
          <TextField label="Toelichting" name="text" error={evaluation.errors.text} />
          <button type="submit" disabled={evaluation.busy}>
            Evaluatie bewaren
          </button>
        </form>
      )}

      <h3>Stage onder verwijderd toezicht</h3>
      <p>
        {tr.remoteSupervision.on
          ? `Op afstand sinds ${longDate(tr.remoteSupervision.since ?? '')}.`
          : 'De leerling werkt onder rechtstreeks toezicht.'}{' '}
        {!tr.remoteSupervision.allowed && 'Op afstand kan pas na een positieve tussentijdse evaluatie.'}
      </p>
      {side === 'service' && !closed && (
        <button
          type="button"
          disabled={action.isPending}
          onClick={() => action.mutate(tr.remoteSupervision.on ? 'remote-off' : 'remote-on')}
        >
          {tr.remoteSupervision.on ? 'Terug onder rechtstreeks toezicht' : 'Op afstand zetten'}
        </button>
      )}
      {side === 'school' && !closed && (
        <p>
          <button
            type="button"
            disabled={!tr.mayComplete || action.isPending}
            onClick={() => action.mutate('complete')}
          >
            Traject afronden
          </button>{' '}
          {!tr.mayComplete && (
            <span className="hint">Kan na een tussentijdse evaluatie en de eindevaluatie van de dienst.</span>
          )}
        </p>
      )}
    </>
  );
}
