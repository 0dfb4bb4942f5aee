/**
 * Personal data must never reach a log line (GDPR; the domain rules on national register numbers).
 * Redaction works on two levels: known field names are blanked whatever their value, and values
 * that look like personal data are masked wherever they hide (free text, error messages, URLs).
 */
const SENSITIVE_KEYS = new Set(
  [
    'nationalNumber',
    'nationalRegisterNumber',
    'rijksregisternummer',
    'email',
    'phone',
    // A home address's street and number (postcode and town are not personal data here).
    'street',
    'password',
    'newPassword',
    'token',
    'accessToken',
    'refreshToken',
    'idToken',
    'authorization',
    'cookie',
    'set-cookie',
    'cookies',
  ].map((k) => k.toLowerCase()),
);

export const REDACTED = '[redacted]';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// 11 digits, optionally written as YY.MM.DD-XXX.CC; bounded so ids and timestamps survive.
const NATIONAL_NUMBER = /(?<![\d])\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s]?\d{3}[.\s]?\d{2}(?![\d])/g;
// Belgian phone numbers: +32 / 0032 / 0 and then exactly 8 or 9 digits, separators allowed, so
// that longer runs of digits (account ids, timestamps) are left alone.
const PHONE = /(?<![\d+])(?:\+32|0032|0)(?:[\s./-]?\d){8,9}(?![\d])/g;
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/g;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(key.toLowerCase());
}

export function redactText(text: string): string {
  return text
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(EMAIL, REDACTED)
    .replace(NATIONAL_NUMBER, REDACTED)
    .replace(PHONE, REDACTED);
}

/** A JSON.stringify replacer: the hook the Powertools logger offers for exactly this. */
export function redactingReplacer(key: string, value: unknown): unknown {
  if (key !== '' && isSensitiveKey(key) && value !== undefined && value !== null) return REDACTED;
  if (typeof value === 'string') return redactText(value);
  return value;
}
