import { describe, expect, it } from 'vitest';
import {
  formatNationalNumber,
  isValidNationalNumber,
  maskNationalNumber,
  withCheckDigits,
} from '#contract/national-number';
import { StudentInput } from '#contract/students';

describe('national register number', () => {
  it('accepts the check digits of people born before 2000', () => {
    expect(isValidNationalNumber('85073003328')).toBe(true);
    expect(isValidNationalNumber('85.07.30-033.28')).toBe(true);
  });

  it('accepts the check digits of people born from 2000 on', () => {
    const born2005 = withCheckDigits('050315123', true);
    expect(isValidNationalNumber(born2005)).toBe(true);
    // The same nine digits with the pre-2000 check are a different number.
    expect(born2005).not.toBe(withCheckDigits('050315123', false));
  });

  it('refuses a wrong check, a wrong length and letters', () => {
    expect(isValidNationalNumber('85073003329')).toBe(false);
    expect(isValidNationalNumber('8507300332')).toBe(false);
    expect(isValidNationalNumber('85O73003328')).toBe(false);
  });

  it('formats as on the identity card and masks for lists', () => {
    expect(formatNationalNumber('85073003328')).toBe('85.07.30-033.28');
    expect(maskNationalNumber('28')).toBe('•••••••••28');
  });

  it('gives one clear reason per field of the form', () => {
    const result = StudentInput.safeParse({
      nationalNumber: '12',
      internship: { periods: [{ start: '', end: '' }] },
    });
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages.nationalNumber).toBe('Een rijksregisternummer heeft 11 cijfers.');
    expect(messages['internship.periods.0.start']).toBe('Vul de startdatum in.');
    expect(result.error!.issues.filter((i) => i.path.join('.') === 'nationalNumber')).toHaveLength(1);
  });
});
