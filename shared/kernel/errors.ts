export interface FieldError {
  /** Dotted path of the field inside its part of the request, e.g. `address.postcode`. */
  path: string;
  /** Where the field lives: the JSON body, the query string or the URL path. */
  in: 'body' | 'query' | 'path';
  message: string;
  /** On a duplicate national register number: the school's student who has it already. */
  existingStudentId?: string;
}

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'GONE'
  | 'BUSINESS_RULE'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL';

/** An error whose status, code and message are meant for the caller. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | (string & {}),
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const validationFailed = (details: FieldError[]) =>
  new HttpError(400, 'VALIDATION_FAILED', 'Niet alle velden zijn correct ingevuld.', details);
export const unauthenticated = (message = 'Je bent niet (meer) aangemeld.') =>
  new HttpError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = 'Je hebt geen toegang tot deze gegevens.') =>
  new HttpError(403, 'FORBIDDEN', message);
export const notFound = (message = 'Niet gevonden.') => new HttpError(404, 'NOT_FOUND', message);
export const conflict = (message: string, details?: unknown) =>
  new HttpError(409, 'CONFLICT', message, details);
export const gone = (message: string) => new HttpError(410, 'GONE', message);
export const businessRule = (message: string, details?: unknown) =>
  new HttpError(422, 'BUSINESS_RULE', message, details);
