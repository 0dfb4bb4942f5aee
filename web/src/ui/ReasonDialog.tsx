import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { t } from '../labels';
import { FormMessage } from './fields';
import { field, useSubmit } from './useSubmit';

/**
 * An act that needs a reason (releasing a placement, asking for it, declining): the dialog says
 * what will happen, asks why, and shows the server's field error under the reason.
 */
export function ReasonDialog({
  title,
  children,
  label = 'Reden',
  submitLabel,
  action,
  invalidates = [],
  onDone,
  onClose,
}: {
  title: string;
  children: ReactNode;
  label?: string;
  submitLabel: string;
  action: (reason: string) => Promise<unknown>;
  invalidates?: QueryKey[];
  onDone?: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const queryClient = useQueryClient();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const { onSubmit, busy, errors, error } = useSubmit(
    (data) => action(field(data, 'reason')),
    async () => {
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      onDone?.();
      dialog.current?.close();
    },
  );
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="form">
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
        <FormMessage error={error} />
        <div className={`field${errors.reason ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-reason`}>{label}</label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={4}
            maxLength={1000}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? `${id}-error` : undefined}
          />
          {errors.reason && (
            <p className="field-error" id={`${id}-error`}>
              {errors.reason}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t.busy : submitLabel}
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            Annuleren
          </button>
        </div>
      </form>
    </dialog>
  );
}
