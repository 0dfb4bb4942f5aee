import type { OrganisationChoice } from './memberships';
import type { Organisation } from './organisations';
import type { Role } from './roles';
import type { SchoolYearInfo } from './school-year-api';

/** Login, activation, password reset and refresh answer with a short-lived access token. */
export interface SessionToken {
  accessToken: string;
  /** Seconds until the access token runs out. */
  expiresIn: number;
}

/** Forgot password and resend activation: the same answer whether or not the address has an account. */
export interface MailRequested {
  message: string;
}

/** `GET /api/me`: who is logged in, for which organisation, in which school year. */
export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation: Organisation | null;
  schoolYear: SchoolYearInfo;
  /** "Mijn account": reminder mails on (default) or off. */
  preferences: { reminders: boolean };
  /** Every organisation the person may act for; the web sends the choice as `x-organisation`. */
  organisations?: OrganisationChoice[];
}

/** `POST /api/me/password`: answers like a login, with a fresh session for this browser. */
export type { ChangePasswordInput as ChangePasswordBody } from './account';

/** `GET /api/health` when the system works; a 503 error answer otherwise. */
export interface Health {
  status: 'ok';
}
