import { useEffect, useId, useRef, useState } from 'react';
import type { ExportFormat, ExportList } from '#contract/exports';
import { EXPORT_FORMAT_LABELS, optionsOf, t } from '../../labels';
import { useExport } from './useExport';

/**
 * "Exporteer" on a list: choose CSV (Excel) or XLSX, see the progress, get the file. `filters` are
 * what the list shows at the moment of the click (its URL query, as the list's API takes it).
 */
export function ExportButton({ list, filters }: { list: ExportList; filters: Record<string, string> }) {
  const run = useExport();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const box = useRef<HTMLDivElement>(null);

  // The choice closes with Escape or a click elsewhere, as a menu does.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        box.current?.querySelector<HTMLButtonElement>('button')?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const choose = (format: ExportFormat) => {
    setOpen(false);
    run.run({ list, format, filters });
  };
  const busy = run.phase === 'busy';

  return (
    <div className="export" ref={box}>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={busy}
        onClick={() => setOpen(!open)}
      >
        {busy ? (run.percent ? t.exports.busy(run.percent) : t.exports.starting) : t.exports.button}
      </button>
      {open && (
        <fieldset id={menuId} className="export-menu">
          <legend className="visually-hidden">{t.exports.formats}</legend>
          {optionsOf(EXPORT_FORMAT_LABELS).map((format) => (
            <button
              key={format.value}
              type="button"
              className="secondary"
              onClick={() => choose(format.value)}
            >
              {format.label}
            </button>
          ))}
        </fieldset>
      )}
      <div className="export-status" aria-live="polite">
        {run.phase === 'ready' && (
          <p className="hint">
            {t.exports.ready(run.rows)}{' '}
            <button type="button" className="text-button" onClick={() => void run.downloadAgain()}>
              {t.exports.downloadAgain}
            </button>
          </p>
        )}
      </div>
      {run.phase === 'failed' && (
        <div className="alert alert-error export-failed" role="alert">
          <span>{run.error}</span>
          <button type="button" className="secondary" onClick={run.retry}>
            {t.retry}
          </button>
        </div>
      )}
    </div>
  );
}
