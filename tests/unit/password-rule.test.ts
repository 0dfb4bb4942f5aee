import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '#accounts/common-passwords';
import { passwordProblem } from '#contract/password-rule';

const check = (password: string, email = 'leen.claes@school.be') =>
  passwordProblem(password, email, isCommonPassword);

describe('the password rule', () => {
  it('accepts a long sentence without any capitals, digits or symbols', () => {
    expect(check('een lange zin als wachtwoord')).toBeNull();
  });

  it('asks for at least 12 characters', () => {
    expect(check('kort1!A')).toMatch(/minstens 12 tekens/);
    expect(check('elf tekens!')).toMatch(/minstens 12 tekens/);
    expect(check('twaalf teken')).toBeNull();
  });

  it('refuses the 10,000 most common passwords, whatever their case', () => {
    expect(check('qwerty123456')).toMatch(/veelgebruikte/);
    expect(check('QWERTY123456')).toMatch(/veelgebruikte/);
    expect(check('1qaz2wsx3edc')).toMatch(/veelgebruikte/);
  });

  it('refuses the email address', () => {
    expect(check('Leen.Claes@school.be')).toMatch(/e-mailadres/);
  });
});
