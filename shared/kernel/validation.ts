import { type FieldError, validationFailed } from './errors';
import type * as z from './zod';
// Parsing here happens with the Dutch messages that module configures.
import './zod';

export type Part = FieldError['in'];

export function toFieldErrors(error: z.ZodError, part: Part): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    in: part,
    message: issue.message,
  }));
}

/** Parses every part first, so one response lists all the mistakes rather than the first. */
export function parseParts<S extends Partial<Record<Part, z.ZodType>>>(
  schemas: S,
  raw: Record<Part, unknown>,
): { [K in keyof S]: S[K] extends z.ZodType ? z.output<S[K]> : never } {
  const errors: FieldError[] = [];
  const out: Record<string, unknown> = {};
  for (const part of ['path', 'query', 'body'] as const) {
    const schema = schemas[part];
    if (!schema) continue;
    const result = schema.safeParse(raw[part]);
    if (result.success) out[part] = result.data;
    else errors.push(...toFieldErrors(result.error, part));
  }
  if (errors.length > 0) throw validationFailed(errors);
  return out as never;
}
