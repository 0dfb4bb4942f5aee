import type { ErrorCode, FieldError as KernelFieldError } from '#kernel/errors';
import * as z from '#kernel/zod';

export type { ErrorCode };

/** One wrong field of a `VALIDATION_FAILED` answer (`FieldError` of the kernel, which throws it). */
export const FieldError = z.object({
  /** Dotted path of the field inside its part of the request, e.g. `address.postcode`. */
  path: z.string(),
  in: z.enum(['body', 'query', 'path']),
  message: z.string(),
  /** On a duplicate national register number: the school's student who has it already. */
  existingStudentId: z.string().optional(),
}) satisfies z.ZodType<KernelFieldError>;

/**
 * The body of every error answer (`errorBody` in shared/http/responses.ts): a stable code for
 * programs, a Dutch message for people, and for `VALIDATION_FAILED` one entry per wrong field in
 * `details` (other refusals may put facts there, e.g. `{ "requestId": … }` on a 500).
 */
export const ErrorBody = z
  .object({
    error: z.string().meta({ description: 'VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, …' }),
    message: z.string(),
    details: z.union([z.array(FieldError), z.record(z.string(), z.unknown())]).optional(),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.output<typeof ErrorBody>;

/**
 * API Gateway's own refusal, before any handler runs: no or an invalid token (401), a body too
 * large (413), too many requests for the route's throttle (429).
 */
export const GatewayError = z.object({ message: z.string() }).meta({ id: 'GatewayError' });
