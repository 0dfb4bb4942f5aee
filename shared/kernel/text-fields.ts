import * as z from './zod';

/**
 * Characters no form field may hold: C0/C1 controls (line breaks only where a field is multi-line),
 * bidirectional overrides and isolates (they make "gpj.exe" look like "exe.jpg"), and noncharacters.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LINE_BREAK = /[\n\r\t\u2028\u2029]/u;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const NONCHARACTER = /[\uFFFE\uFFFF]/u;
/** A surrogate half without its partner: not text at all (written without the u flag on purpose). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Characters that take no room: a text made of only these (and spaces) is empty. */
const INVISIBLE = /[\s\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/gu;

export const TEXT_PROBLEMS = {
  controls: 'Dit veld bevat onzichtbare tekens of stuurtekens. Typ de tekst opnieuw.',
  lineBreaks: 'Dit veld moet op één regel.',
} as const;

/** Why a text may not be stored, or null; `multiline` allows line breaks and tabs. */
export function textProblem(text: string, multiline = false): string | null {
  if (LONE_SURROGATE.test(text) || CONTROL.test(text) || BIDI.test(text) || NONCHARACTER.test(text)) {
    return TEXT_PROBLEMS.controls;
  }
  if (!multiline && LINE_BREAK.test(text)) return TEXT_PROBLEMS.lineBreaks;
  return null;
}

/** Whether a text shows anything at all once spaces and zero-width characters are left out. */
export const hasVisibleText = (text: string) => text.replace(INVISIBLE, '').length > 0;

/**
 * A bounded text from a person: too long, controls, bidi overrides and lone surrogates are a field
 * error. The length check comes first and aborts, so a huge value is never scanned twice.
 */
export const safeText = (max: number, options: { multiline?: boolean; tooLong?: string } = {}) =>
  z
    .string()
    .max(max * 4, { message: options.tooLong ?? `Maximaal ${max} tekens.`, abort: true })
    .trim()
    .max(max, options.tooLong ?? `Maximaal ${max} tekens.`)
    .superRefine((text, ctx) => {
      const problem = textProblem(text, options.multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** A trimmed text a person must fill in, with the Dutch reason shown when it is empty. */
export const requiredText = (max: number, required: string) =>
  z.string(required).pipe(safeText(max)).refine(hasVisibleText, required);

export const optionalText = (max: number, options: { multiline?: boolean } = { multiline: true }) =>
  z.string().pipe(safeText(max, options)).optional().default('');

/** An id the client sends back (path, reference to another item): short and plain. */
export const idText = (message: string) =>
  z
    .string(message)
    .min(1, message)
    .max(64, { message, abort: true })
    .regex(/^[\w-]+$/, message);
