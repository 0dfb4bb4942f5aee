import { useState } from 'react';
import type { TrainingContract } from '#contract/trajectory';
import { api } from '../../api/client';
import { FormMessage, TextField } from '../../ui/fields';
import { longDate } from '../../ui/format';
import { field, useSubmit } from '../../ui/useSubmit';
import { requestsKey } from '../requests/queries';
import { trajectoryKey } from './queries';

/**
 * The dual learner's training contract (overeenkomst alternerende opleiding), recorded by the
 * service that placed them: its dates go into the yearly report, and its end frees the mentor's
 * place the day after. A later end date takes the place back, if the mentor has room.
 */
export function TrainingContractForm({
  studentId,
  contract,
}: {
  studentId: string;
  contract?: TrainingContract;
}) {
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(
    (data) => {
      setSaved(false);
      return api('PUT /api/students/{id}/training-contract', {
        path: { id: studentId },
        body: { start: field(data, 'start'), end: field(data, 'end') },
      });
    },
    () => setSaved(true),
    { invalidates: [requestsKey, trajectoryKey] },
  );
  return (
    <section className="training-contract" aria-labelledby={`contract-${studentId}`}>
      <h3 id={`contract-${studentId}`}>Overeenkomst alternerende opleiding</h3>
      <p className="hint">
        {contract
          ? `Loopt van ${longDate(contract.start)} tot en met ${longDate(contract.end)}.`
          : 'Nog niet ingevuld.'}{' '}
        Na de einddatum komt de plaats van de mentor vrij.
      </p>
      <FormMessage error={submit.error} />
      {saved && (
        <p className="alert alert-ok" role="status">
          De overeenkomst is bewaard.
        </p>
      )}
      <form onSubmit={submit.onSubmit} noValidate className="form inline-form">
        <TextField
          label="Begindatum"
          name="start"
          type="date"
          defaultValue={contract?.start}
          error={submit.errors.start}
        />
        <TextField
          label="Einddatum"
          name="end"
          type="date"
          defaultValue={contract?.end}
          error={submit.errors.end}
        />
        <div className="actions">
          <button type="submit" disabled={submit.busy}>
            Overeenkomst bewaren
          </button>
        </div>
      </form>
    </section>
  );
}
