import * as z from './zod';

/** A trimmed text a person must fill in, with the Dutch reason shown when it is empty. */
export const requiredText = (max: number, required: string) =>
  z.string(required).trim().min(1, required).max(max, `Maximaal ${max} tekens.`);

export const optionalText = (max: number) =>
  z.string().trim().max(max, `Maximaal ${max} tekens.`).optional().default('');
