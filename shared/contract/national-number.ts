/**
 * Belgian national register number ("rijksregisternummer"): YYMMDD + 3-digit serial + 2 check
 * digits. The check is 97 minus (the first nine digits mod 97); for people born from 2000 on, a 2
 * is put before those nine digits first. Either rule passing makes the number valid.
 */
export function normaliseNationalNumber(input: string): string {
  return input.replace(/[\s.\-/]/g, '');
}

export function isValidNationalNumber(input: string): boolean {
  const digits = normaliseNationalNumber(input);
  if (!/^\d{11}$/.test(digits)) return false;
  const base = BigInt(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  const before2000 = 97 - Number(base % 97n);
  const from2000 = 97 - Number((2_000_000_000n + base) % 97n);
  return check === before2000 || check === from2000;
}

/** The check digits for nine leading digits (used by the demo data to make valid numbers). */
export function withCheckDigits(nineDigits: string, bornFrom2000: boolean): string {
  const base = BigInt(nineDigits) + (bornFrom2000 ? 2_000_000_000n : 0n);
  return `${nineDigits}${String(97 - Number(base % 97n)).padStart(2, '0')}`;
}

/** What a school sees in lists: enough to recognise, not enough to use. */
export const maskNationalNumber = (digits: string) => `•••••••••${digits.slice(-2)}`;

/** `85073003328` → `85.07.30-033.28`, the way it is printed on an identity card. */
export const formatNationalNumber = (d: string) =>
  d === '' ? '' : `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`;

/**
 * Whether the first six digits can be a birth date. Legal forms: a real date; month 00 (birth date
 * unknown, any day 00–31); day 00 (day unknown); and bis numbers, whose month is raised by 20 (sex
 * unknown) or 40 (sex known). The century follows from which check-digit rule matched.
 */
export function hasPossibleBirthDate(input: string): boolean {
  const digits = normaliseNationalNumber(input);
  if (!/^\d{11}$/.test(digits)) return false;
  const yy = Number(digits.slice(0, 2));
  let month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  if (month >= 40) month -= 40;
  else if (month >= 20) month -= 20;
  if (month > 12 || day > 31) return false;
  if (month === 0 || day === 0) return true;
  const base = BigInt(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  const from2000 = check === 97 - Number((2_000_000_000n + base) % 97n);
  const before2000 = check === 97 - Number(base % 97n);
  const possible = (year: number) => {
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  };
  return (before2000 && possible(1900 + yy)) || (from2000 && possible(2000 + yy));
}
