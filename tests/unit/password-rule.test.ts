import { beforeAll, describe, expect, it } from 'vitest';
import { isCommonPassword } from '#accounts/common-passwords';
import { type EstimateStrength, passwordProblem } from '#contract/password-rule';
import { loadStrengthEstimator } from '#contract/password-strength';

let estimate: EstimateStrength;
beforeAll(async () => {
  estimate = await loadStrengthEstimator();
});

const check = (password: string, email = 'leen.claes@school.be') =>
  passwordProblem(password, email, estimate, isCommonPassword);

describe('the password rule', () => {
  it('accepts a long sentence without any capitals, digits or symbols', () => {
    expect(check('een lange zin als wachtwoord')).toBeNull();
    expect(check('zonnebloem kanaal trein vijf')).toBeNull();
  });

  it('asks for at least 12 characters', () => {
    expect(check('kort1!A')).toMatch(/minstens 12 tekens/);
    expect(check('elf tekens!')).toMatch(/minstens 12 tekens/);
  });

  it('refuses the 10,000 most common passwords, whatever their case', () => {
    expect(check('qwerty123456')).toMatch(/veelgebruikte/);
    expect(check('QWERTY123456')).toMatch(/veelgebruikte/);
    expect(check('1qaz2wsx3edc')).toMatch(/veelgebruikte/);
  });

  it('refuses guessable passwords of 12 characters or more: repeats, keyboard rows, Dutch words, names', () => {
    for (const weak of [
      'passwordpassword',
      'aaaaaaaaaaaaaaaa',
      'wachtwoord1234',
      'azertyuiopqsdf',
      'leenclaes2026',
    ]) {
      expect(check(weak), weak).toMatch(/te makkelijk te raden/);
    }
  });

  it('says why in Dutch', () => {
    expect(check('aaaaaaaaaaaaaaaa')).toMatch(/Herhalende/);
  });

  it('refuses the email address', () => {
    expect(check('Leen.Claes@school.be')).toMatch(/e-mailadres/);
  });
});
