import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { StudentImportInput, StudentImportResult } from '#contract/student-imports';
import { api, downloadFile } from '../../api/client';
import { plural, readAsBase64 } from '../../ui/files';
import { failureText } from '../../ui/QueryState';
import { RowErrors } from '../../ui/RowErrors';
import { SheetCheckState, SheetField } from '../../ui/SheetField';
import { supervisorsQuery } from '../people/queries';
import { studentsKey } from './queries';

interface Chosen {
  filename: string;
  file: string;
}

const MAX_BYTES = 2 * 1024 * 1024;

/** A class at once: the template, a check of the filled-in sheet, then the students entered. */
export function StudentImportPage() {
  const id = useId();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);

  const send = (body: StudentImportInput) => api('POST /api/students/imports', { body });
  const dryRun = useMutation({ mutationFn: (c: Chosen) => send({ ...c, commit: false }) });
  const commit = useMutation({
    // With `commit` the answer is the result: what was created and skipped.
    mutationFn: async (c: Chosen) => (await send({ ...c, commit: true })) as StudentImportResult,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: studentsKey }),
        queryClient.invalidateQueries({ queryKey: supervisorsQuery.queryKey }),
      ]),
  });
  const template = useMutation({
    mutationFn: (format: 'xlsx' | 'csv') =>
      downloadFile(
        'GET /api/students/imports/template',
        { query: { format } },
        `leerlingen-importeren.${format}`,
      ),
  });

  const restart = () => {
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
      setReadProblem('Het bestand is te groot (hoogstens 2 MB).');
      return;
    }
    try {
      const next = { filename: file.name, file: await readAsBase64(file) };
      setChosen(next);
      dryRun.mutate(next);
    } catch {
      setReadProblem('Het bestand kon niet gelezen worden. Probeer opnieuw.');
    }
  }

  const check = dryRun.data;
  const done = commit.data;
  return (
    <section className="import-page">
      <p>
        <Link to="/leerlingen">← Alle leerlingen</Link>
      </p>
      <h1>Leerlingen importeren</h1>
      <p>
        Voer een hele klas in één keer in vanuit Excel. Vul het sjabloon in (één leerling per rij), kies het
        bestand, en je ziet eerst per rij wat er zou gebeuren. Pas na je bevestiging worden de leerlingen
        toegevoegd. Een leerling die al in je lijst staat (zelfde rijksregisternummer) wordt overgeslagen:
        hetzelfde bestand twee keer importeren voegt niets toe.
      </p>
      <div className="card">
        <h2>1. Sjabloon invullen</h2>
        <p>
          Het sjabloon heeft een voorbeeldrij: vervang die door je leerlingen. Schrijf de stagebegeleider
          zoals in je lijst van begeleiders, data als 05/10/2026 en meerdere vervoersmiddelen met komma's.
        </p>
        <p className="actions">
          <button
            type="button"
            className="secondary"
            disabled={template.isPending}
            onClick={() => template.mutate('xlsx')}
          >
            Download het sjabloon (Excel)
          </button>
          <button
            type="button"
            className="secondary"
            disabled={template.isPending}
            onClick={() => template.mutate('csv')}
          >
            Download het sjabloon (CSV)
          </button>
        </p>
        {template.isError && (
          <div className="alert alert-error" role="alert">
            {failureText(template.error, 'Het sjabloon kon niet gedownload worden.')}
          </div>
        )}
        <SheetField
          id={`${id}-file`}
          label="Ingevuld bestand (XLSX of CSV)"
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
            {plural(check.valid, 'leerling is', 'leerlingen zijn')} klaar om toe te voegen
            {check.errors.length > 0 ? `; ${plural(check.errors.length, 'probleem', 'problemen')}` : ''}.
          </p>
          <RowErrors
            errors={check.errors}
            caption="Problemen per rij: verbeter ze in je bestand en kies het opnieuw, of voeg eerst de rest toe."
          />
          {check.valid > 0 ? (
            <p>
              <button type="button" disabled={commit.isPending} onClick={() => commit.mutate(chosen)}>
                {commit.isPending
                  ? 'Bezig met toevoegen…'
                  : `Voeg ${plural(check.valid, 'leerling', 'leerlingen')} toe`}
              </button>
            </p>
          ) : (
            <p>Er is niets om toe te voegen. Verbeter het bestand en kies het opnieuw.</p>
          )}
          {commit.isError && (
            <div className="alert alert-error" role="alert">
              {failureText(
                commit.error,
                'Toevoegen lukte niet. Kies het bestand opnieuw: wie al toegevoegd is, wordt overgeslagen.',
              )}
            </div>
          )}
        </section>
      )}
      {done && (
        <section className="card" aria-labelledby={`${id}-done`}>
          <h2 id={`${id}-done`}>Klaar</h2>
          <div className="alert alert-ok" role="status">
            {plural(done.created, 'leerling', 'leerlingen')} toegevoegd
            {done.skipped > 0 ? `; ${plural(done.skipped, 'stond', 'stonden')} al in je lijst` : ''}.
          </div>
          <RowErrors errors={done.errors} caption="Deze rijen werden niet toegevoegd." />
          <p className="actions">
            <Link className="button" to="/leerlingen">
              Naar de leerlingen
            </Link>
            <button type="button" className="secondary" onClick={restart}>
              Nog een bestand importeren
            </button>
          </p>
        </section>
      )}
    </section>
  );
}
