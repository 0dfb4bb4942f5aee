import type { ErrorCode, FieldError } from '#kernel/errors';

export type { ErrorCode, FieldError };

/**
 * The body of every error answer (`errorBody` in shared/http/responses.ts): a stable code for
 * programs, a Dutch message for people, and for `VALIDATION_FAILED` one entry per wrong field.
 */
export interface ApiErrorBody {
  error: ErrorCode | (string & {});
  message: string;
  details?: FieldError[] | unknown;
}

/** The field errors of an error answer; empty when it is not about fields. */
export function fieldErrorsOf(body: Partial<ApiErrorBody> | undefined): FieldError[] {
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
