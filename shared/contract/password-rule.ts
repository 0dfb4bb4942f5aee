import { PASSWORD_MIN_LENGTH } from './auth-policy';

/** What the form tells people before they type, and what the API enforces. */
export const PASSWORD_RULE_TEXT = `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens dat moeilijk te raden is. Een zin van een paar gewone woorden die je makkelijk onthoudt, is ideaal. Bekende wachtwoorden, namen, herhalingen, toetsenbordreeksen en je e-mailadres zijn niet toegestaan.`;

/** zxcvbn's estimate, kept to what the rule and the form need (see password-strength.ts). */
export interface StrengthEstimate {
  /** 0 (guessed at once) … 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  /** Dutch: why it is weak, if zxcvbn knows. */
  warning: string | null;
  suggestions: string[];
}
export type EstimateStrength = (password: string, userInputs: string[]) => StrengthEstimate;

/** The lowest estimate the rule accepts: 3 means about 10^8 guesses, safe behind the login lock. */
export const MIN_PASSWORD_SCORE = 3;

export const STRENGTH_LABELS = ['Heel zwak', 'Zwak', 'Matig', 'Sterk', 'Heel sterk'] as const;

/** Words a guesser would try for this person: the address, its parts, the product's name. */
export function personalWords(email: string): string[] {
  const lower = email.trim().toLowerCase();
  const local = lower.split('@')[0] ?? '';
  return [
    lower,
    local,
    local.replace(/[._+-]/g, ''),
    ...local.split(/[._+-]/),
    ...(lower.split('@')[1] ?? '').split('.'),
    'stagematching',
    'gezinszorg',
  ].filter((w) => w.length >= 3);
}

/**
 * Why a password is refused, in Dutch, or null when it is fine. Length over composition (NIST SP
 * 800-63B): no rules about capitals or symbols, but nothing a guesser tries early — estimated by
 * zxcvbn with Dutch, Belgian and English words and names. The API and the form run this same rule.
 */
export function passwordProblem(
  password: string,
  email: string,
  estimate: EstimateStrength,
  isCommon: (p: string) => boolean = () => false,
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
  const strength = estimate(password, personalWords(email));
  if (strength.score < MIN_PASSWORD_SCORE) {
    const why = strength.warning ?? strength.suggestions[0] ?? 'Voeg een paar minder gewone woorden toe.';
    return `Dit wachtwoord is te makkelijk te raden. ${why}`;
  }
  return null;
}
