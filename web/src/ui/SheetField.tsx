import type { Ref } from 'react';
import { failureText } from './QueryState';

const SHEET_TYPES = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The upload of a spreadsheet (CSV or XLSX), with what went wrong reading it in the browser. */
export function SheetField({
  id,
  label,
  inputRef,
  onFile,
  readProblem,
}: {
  id: string;
  label: string;
  inputRef: Ref<HTMLInputElement>;
  onFile: (file: File | undefined) => void;
  readProblem: string | null;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept={SHEET_TYPES}
          onChange={(e) => onFile(e.target.files?.[0])}
        />
      </div>
      {readProblem && (
        <div className="alert alert-error" role="alert">
          {readProblem}
        </div>
      )}
    </>
  );
}

/** While the server checks an uploaded sheet (the dry run), and when it could not. */
export function SheetCheckState({ pending, error }: { pending: boolean; error: Error | null }) {
  return (
    <>
      {pending && <p aria-live="polite">Bestand controleren…</p>}
      {error && (
        <div className="alert alert-error" role="alert">
          {failureText(error, 'Het bestand kon niet gecontroleerd worden.')}
        </div>
      )}
    </>
  );
}
