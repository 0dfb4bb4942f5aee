import { PASSWORD_MIN_LENGTH } from './auth-policy';

/** What the form tells people before they type, and what the API enforces. */
export const PASSWORD_RULE_TEXT = `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens. Een lange zin die je makkelijk onthoudt, is ideaal. Veelgebruikte wachtwoorden en je e-mailadres zijn niet toegestaan.`;

/**
 * Why a password is refused, in Dutch, or null when it is fine. Length over composition
 * (NIST SP 800-63B): no rules about capitals or symbols, but no well-known passwords.
 */
export function passwordProblem(
  password: string,
  email: string,
  isCommon: (p: string) => boolean,
): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return `Het wachtwoord moet minstens ${PASSWORD_MIN_LENGTH} tekens lang zijn.`;
  }
  if (password.length > 256) return 'Het wachtwoord mag hoogstens 256 tekens lang zijn.';
  const lower = password.trim().toLowerCase();
  if (lower === email.trim().toLowerCase() || lower === email.split('@')[0]?.toLowerCase()) {
    return 'Je wachtwoord mag niet je e-mailadres zijn.';
  }
  if (isCommon(password))
    return 'Dit wachtwoord is te bekend: het staat op de lijst van veelgebruikte wachtwoorden.';
  return null;
}
