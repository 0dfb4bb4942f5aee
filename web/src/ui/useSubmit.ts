import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';

export type FieldErrors = Record<string, string>;

/**
 * Runs a form's submit: field errors from a 400/409 land next to their fields, any other error
 * becomes the form's message. Nothing is lost silently.
 */
export function useSubmit<T>(action: (data: FormData) => Promise<T>, onDone?: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const result = await action(new FormData(event.currentTarget));
      onDone?.(result);
    } catch (caught) {
      const apiError =
        caught instanceof ApiError
          ? caught
          : new ApiError(0, 'NETWORK', 'Geen verbinding met de server. Probeer het opnieuw.');
      // The first reason per field is the one to fix first.
      const fields: FieldErrors = {};
      for (const f of apiError.fieldErrors) fields[f.path] ??= f.message;
      setErrors(fields);
      if (Object.keys(fields).length === 0 || apiError.status !== 400) setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return { onSubmit, busy, errors, error };
}

export const field = (data: FormData, name: string) => String(data.get(name) ?? '');
