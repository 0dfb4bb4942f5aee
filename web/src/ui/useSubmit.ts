import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef } from 'react';
import { ApiError, networkError } from '../api/client';

export type FieldErrors = Record<string, string>;

/**
 * A form's submit as a mutation: field errors from a 400 land next to their fields, any other
 * error becomes the form's message, and the reads the change touches are refreshed before the
 * form says it is done. Nothing is lost silently.
 */
export function useSubmit<T>(
  action: (data: FormData) => Promise<T>,
  onDone?: (result: T) => void | Promise<void>,
  options: {
    invalidates?: QueryKey[];
    /** An add form: empty after a successful save, so a second click cannot add the same again. */
    clearOnDone?: boolean;
  } = {},
) {
  const queryClient = useQueryClient();
  // The button is disabled only after the next render: a double click would send the form twice.
  const sending = useRef(false);
  const sentFrom = useRef<HTMLFormElement | null>(null);
  const mutation = useMutation<T, ApiError, FormData>({
    mutationFn: async (data) => {
      try {
        return await action(data);
      } catch (caught) {
        throw caught instanceof ApiError ? caught : networkError();
      }
    },
    onSuccess: async (result) => {
      await Promise.all(
        (options.invalidates ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      if (options.clearOnDone) sentFrom.current?.reset();
      await onDone?.(result);
    },
    onSettled: () => {
      sending.current = false;
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current) return;
    sending.current = true;
    sentFrom.current = event.currentTarget;
    // The button that sent the form travels with it (name and value), so a form can have two.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    mutation.mutate(new FormData(event.currentTarget, submitter));
  }

  const apiError = mutation.error;
  // The first reason per field is the one to fix first.
  const errors: FieldErrors = {};
  for (const f of apiError?.fieldErrors ?? []) errors[f.path] ??= f.message;
  const fieldsOnly = apiError?.status === 400 && Object.keys(errors).length > 0;
  return {
    onSubmit,
    busy: mutation.isPending,
    errors,
    error: apiError && !fieldsOnly ? apiError : null,
    /** The field errors as the server sent them, with what a form may link to. */
    fieldErrors: apiError?.fieldErrors ?? [],
    reset: mutation.reset,
  };
}

export const field = (data: FormData, name: string) => String(data.get(name) ?? '');
