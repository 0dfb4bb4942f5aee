import type { FieldError } from '#kernel/errors';

export type { FieldError };

/**
 * The field errors of an error answer (`ErrorBody` in errors.ts); empty when it is not about
 * fields. Free of zod, so the web app can use it at run time.
 */
export function fieldErrorsOf(body: { details?: unknown } | undefined): FieldError[] {
  const details = body?.details;
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is FieldError =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as FieldError).path === 'string' &&
      typeof (d as FieldError).message === 'string',
  );
}
