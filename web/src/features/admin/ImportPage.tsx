import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { IMPORT_COLUMNS, IMPORT_KINDS, type ImportKind } from '#contract/import-columns';
import type { ImportInput } from '#contract/imports';
import { api, downloadFile } from '../../api/client';
import { IMPORT_KIND_LABELS } from '../../labels';
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

/** The sector's lists of services or schools from a spreadsheet: a dry run first, then the import. */
export function ImportPage() {
  const id = useId();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ImportKind>('services');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [invite, setInvite] = useState(false);
  const [readProblem, setReadProblem] = useState<string | null>(null);

  const send = (body: Omit<ImportInput, 'invite' | 'commit'> & { commit: boolean; invite: boolean }) =>
    api('POST /api/admin/imports', { body });
  const dryRun = useMutation({
    mutationFn: (c: Chosen & { kind: ImportKind }) => send({ ...c, commit: false, invite: false }),
  });
  const commit = useMutation({
    mutationFn: (c: Chosen & { kind: ImportKind; invite: boolean }) => send({ ...c, commit: true }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: organisationsKey }),
        queryClient.invalidateQueries({ queryKey: adminKey }),
      ]),
  });
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
  const done = commit.data;
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
      {check && chosen && !done && (
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
              {failureText(commit.error, 'Importeren lukte niet. Er werd niets bevestigd; probeer opnieuw.')}
            </div>
          )}
        </section>
      )}
      {done && (
        <section className="card" aria-labelledby={`${id}-done`}>
          <h2 id={`${id}-done`}>Klaar</h2>
          <div className="alert alert-ok" role="status">
            {plural(done.imported, 'organisatie', 'organisaties')} geïmporteerd
            {done.invited > 0 ? `, ${plural(done.invited, 'uitnodiging', 'uitnodigingen')} verstuurd` : ''}
            {done.existing > 0 ? `; ${plural(done.existing, 'bestond', 'bestonden')} al` : ''}
            {done.errors.length > 0
              ? `; ${plural(done.errors.length, 'rij', 'rijen')} met fouten overgeslagen`
              : ''}
            .
          </div>
          <RowErrors errors={done.errors} />
          <p>
            <button type="button" className="secondary" onClick={() => restart(kind)}>
              Nog een bestand importeren
            </button>
          </p>
        </section>
      )}
    </section>
  );
}
