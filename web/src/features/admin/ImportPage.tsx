import { type Query, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { IMPORT_COLUMNS, IMPORT_KINDS, type ImportKind } from '#contract/import-columns';
import type { ImportInput, ImportJobView, ImportRowResult } from '#contract/imports';
import { api, downloadFile } from '../../api/client';
import { IMPORT_KIND_LABELS, IMPORT_ROW_OUTCOME_LABELS } from '../../labels';
import { CardTable } from '../../ui/CardTable';
import { plural, readAsBase64 } from '../../ui/files';
import { failureText } from '../../ui/QueryState';
import { RowErrors } from '../../ui/RowErrors';
import { SheetCheckState, SheetField } from '../../ui/SheetField';
import { organisationsKey } from '../organisations/queries';
import { adminKey } from './queries';

interface Chosen {
  filename: string;
  file: string;
}

const MAX_BYTES = 5 * 1024 * 1024;

/** Ask again every second while the import runs; stop once it finished or stands still. */
const pollWhileRunning = (query: Query<ImportJobView>) => {
  const status = query.state.data?.status;
  return query.state.status === 'error' || status === 'done' || status === 'interrupted' ? false : 1000;
};

const importJobQuery = (id: string | undefined) =>
  queryOptions({
    queryKey: [...adminKey, 'imports', id],
    queryFn: ({ signal }) => api('GET /api/admin/import-jobs/{id}', { path: { id: id ?? '' }, signal }),
    enabled: id !== undefined,
    staleTime: 0,
    refetchInterval: pollWhileRunning,
    refetchIntervalInBackground: true,
  });

/** The sector's lists of services or schools from a spreadsheet: a dry run first, then the import. */
export function ImportPage() {
  const id = useId();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ImportKind>('services');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [invite, setInvite] = useState(false);
  const [readProblem, setReadProblem] = useState<string | null>(null);

  type Body = Omit<ImportInput, 'invite' | 'commit'> & { invite: boolean };
  const dryRun = useMutation({
    mutationFn: async (c: Chosen & { kind: ImportKind }) => {
      const body: Body & { commit: boolean } = { ...c, commit: false, invite: false };
      const answer = await api('POST /api/admin/imports', { body });
      if ('status' in answer) throw new Error('A dry run answers its check, not a job');
      return answer;
    },
  });
  // The commit answers 202 with the job that works through the file in the background.
  const commit = useMutation({
    mutationFn: async (c: Chosen & { kind: ImportKind; invite: boolean }) => {
      const answer = await api('POST /api/admin/imports', { body: { ...c, commit: true } });
      if (!('status' in answer)) throw new Error('A commit answers its job');
      return answer;
    },
  });
  const started = commit.data;
  const job = useQuery(importJobQuery(started?.id));
  const current = job.data ?? started;
  const finished = current?.status === 'done';
  const resume = useMutation({
    mutationFn: (jobId: string) => api('POST /api/admin/import-jobs/{id}/resume', { path: { id: jobId } }),
    onSuccess: () => job.refetch(),
  });
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: organisationsKey });
    void queryClient.invalidateQueries({ queryKey: adminKey });
  }, [finished, queryClient]);
  const template = useMutation({
    mutationFn: (k: ImportKind) =>
      downloadFile('GET /api/admin/imports/template', { query: { kind: k } }, `${k}-importeren.csv`),
  });

  const restart = (nextKind: ImportKind) => {
    setKind(nextKind);
    setChosen(null);
    setReadProblem(null);
    dryRun.reset();
    commit.reset();
    resume.reset();
    if (input.current) input.current.value = '';
  };

  async function choose(file: File | undefined) {
    dryRun.reset();
    commit.reset();
    setReadProblem(null);
    setChosen(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setReadProblem('Het bestand is te groot (hoogstens 5 MB).');
      return;
    }
    try {
      const next = { filename: file.name, file: await readAsBase64(file) };
      setChosen(next);
      dryRun.mutate({ ...next, kind });
    } catch {
      setReadProblem('Het bestand kon niet gelezen worden. Probeer opnieuw.');
    }
  }

  const check = dryRun.data;
  return (
    <section className="import-page">
      <h1>Importeren</h1>
      <p>
        Importeer de lijst van diensten of scholen uit een Excel- of CSV-bestand. Je ziet eerst wat er zou
        gebeuren; pas na je bevestiging wordt er iets toegevoegd. Organisaties waarvan het e-mailadres al
        bestaat, blijven ongemoeid: hetzelfde bestand twee keer importeren voegt niets toe.
      </p>
      <fieldset className="segmented">
        <legend>Wat importeer je?</legend>
        {IMPORT_KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => restart(k)} />
            <span>{IMPORT_KIND_LABELS[k]}</span>
          </label>
        ))}
      </fieldset>
      <div className="card">
        <h2>1. Bestand kiezen</h2>
        <p>
          Kolommen (in eender welke volgorde, met deze Nederlandse titels op de eerste rij):{' '}
          <strong>{IMPORT_COLUMNS[kind].join(', ')}</strong>. Contactpersoon mag je weglaten.
        </p>
        <p>
          <button
            type="button"
            className="text-button"
            disabled={template.isPending}
            onClick={() => template.mutate(kind)}
          >
            Download het sjabloon ({IMPORT_KIND_LABELS[kind].toLowerCase()}, CSV)
          </button>
        </p>
        {template.isError && (
          <div className="alert alert-error" role="alert">
            {failureText(template.error, 'Het sjabloon kon niet gedownload worden.')}
          </div>
        )}
        <SheetField
          id={`${id}-file`}
          label="Bestand (CSV of XLSX)"
          inputRef={input}
          onFile={(file) => void choose(file)}
          readProblem={readProblem}
        />
      </div>

      <SheetCheckState pending={dryRun.isPending} error={dryRun.error} />
      {check && chosen && !current && (
        <section className="card" aria-labelledby={`${id}-check`}>
          <h2 id={`${id}-check`}>2. Controle van {chosen.filename}</h2>
          <p role="status">
            {plural(check.valid, 'rij', 'rijen')} geldig, {plural(check.existing, 'bestaat', 'bestaan')} al
            {check.errors.length > 0 ? `, ${plural(check.errors.length, 'fout', 'fouten')}` : ''}.
          </p>
          <RowErrors errors={check.errors} />
          {check.valid > 0 ? (
            <div className="import-commit">
              <label className="checkbox">
                <input type="checkbox" checked={invite} onChange={(e) => setInvite(e.target.checked)} /> Nodig
                per organisatie een eerste persoon uit (op het e-mailadres van de organisatie)
              </label>
              <p>
                <button
                  type="button"
                  disabled={commit.isPending}
                  onClick={() => commit.mutate({ ...chosen, kind, invite })}
                >
                  {commit.isPending
                    ? 'Bezig met importeren…'
                    : `Importeer ${plural(check.valid, 'organisatie', 'organisaties')}`}
                </button>
              </p>
            </div>
          ) : (
            <p>Er is niets om te importeren. Verbeter het bestand en kies het opnieuw.</p>
          )}
          {commit.isError && (
            <div className="alert alert-error" role="alert">
              {failureText(
                commit.error,
                'Importeren lukte niet. Probeer opnieuw: wat al geïmporteerd werd, wordt niet nog eens toegevoegd.',
              )}
            </div>
          )}
        </section>
      )}
      {current && (
        <ImportProgress
          job={current}
          failure={
            job.isError
              ? failureText(job.error, 'De stand van het importeren kon niet gelezen worden.')
              : null
          }
          resume={{
            run: () => resume.mutate(current.id),
            busy: resume.isPending,
            error: resume.isError ? failureText(resume.error, 'Verder importeren lukte niet.') : null,
          }}
          onAgain={() => restart(kind)}
        />
      )}
    </section>
  );
}

/**
 * An import on its way ("112 van 340 verwerkt"), stopped halfway (with "Verder importeren"), or
 * done: what it created, skipped and refused, and per row why.
 */
function ImportProgress({
  job,
  failure,
  resume,
  onAgain,
}: {
  job: ImportJobView;
  failure: string | null;
  resume: { run: () => void; busy: boolean; error: string | null };
  onAgain: () => void;
}) {
  const id = useId();
  if (job.status === 'pending' || job.status === 'running') {
    return (
      <section className="card" aria-labelledby={`${id}-busy`}>
        <h2 id={`${id}-busy`}>Bezig met importeren</h2>
        <p>
          <progress max={job.total || 1} value={job.processed} aria-labelledby={`${id}-count`} />
        </p>
        <p id={`${id}-count`} role="status">
          {job.processed} van {job.total} verwerkt
        </p>
        <p className="hint">Je mag deze pagina verlaten: het importeren loopt door op de server.</p>
        {failure && (
          <div className="alert alert-error" role="alert">
            {failure}
          </div>
        )}
      </section>
    );
  }
  const notInvited = (job.rows ?? []).filter((r) => r.outcome === 'created' && r.messages.length > 0).length;
  const problems = (job.rows ?? []).filter((r) => r.outcome !== 'created' || r.messages.length > 0);
  return (
    <section className="card" aria-labelledby={`${id}-done`}>
      <h2 id={`${id}-done`}>{job.status === 'done' ? 'Klaar' : 'Onderbroken'}</h2>
      {job.status === 'interrupted' && (
        <div className="alert alert-warn" role="alert">
          <p>{job.message}</p>
          <button type="button" disabled={resume.busy} onClick={resume.run}>
            Verder importeren
          </button>
          {resume.error && <p>{resume.error}</p>}
        </div>
      )}
      <div className={job.status === 'done' ? 'alert alert-ok' : 'alert'} role="status">
        {plural(job.created, 'organisatie', 'organisaties')} geïmporteerd
        {job.invite ? `, ${plural(job.invited, 'uitnodiging', 'uitnodigingen')} verstuurd` : ''}
        {job.skipped > 0 ? `; ${plural(job.skipped, 'bestond', 'bestonden')} al` : ''}
        {job.refused > 0 ? `; ${plural(job.refused, 'rij', 'rijen')} met fouten overgeslagen` : ''}
        {notInvited > 0 ? `; ${plural(notInvited, 'organisatie', 'organisaties')} niet uitgenodigd` : ''}.
      </div>
      {problems.length > 0 && <RowTable rows={problems} caption="Rijen die aandacht vragen." />}
      {(job.rows ?? []).length > 0 && (
        <details>
          <summary>Alle {plural(job.rows?.length ?? 0, 'rij', 'rijen')}</summary>
          <RowTable rows={job.rows ?? []} caption="Wat er met elke rij gebeurde." />
        </details>
      )}
      <p>
        <button type="button" className="secondary" onClick={onAgain}>
          Nog een bestand importeren
        </button>
      </p>
    </section>
  );
}

function RowTable({ rows, caption }: { rows: ImportRowResult[]; caption: string }) {
  return (
    <CardTable label={caption}>
      <caption className="caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Rij</th>
          <th scope="col">Naam</th>
          <th scope="col">E-mailadres</th>
          <th scope="col">Resultaat</th>
          <th scope="col">Toelichting</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.row}>
            <td>{r.row}</td>
            <td data-label="Naam">{r.name}</td>
            <td data-label="E-mailadres">{r.email}</td>
            <td data-label="Resultaat">
              {IMPORT_ROW_OUTCOME_LABELS[r.outcome]}
              {r.invited ? ', uitgenodigd' : ''}
            </td>
            <td data-label="Toelichting">{r.messages.join(' ')}</td>
          </tr>
        ))}
      </tbody>
    </CardTable>
  );
}
