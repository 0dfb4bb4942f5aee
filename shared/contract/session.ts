import * as z from '#kernel/zod';
import { OrganisationChoice } from './memberships';
import { Organisation } from './organisations';
import { PROVINCES } from './provinces';
import { ROLES } from './roles';
import { BLACKOUT_PROGRAMMES, SCHOOL_YEAR_STATUSES } from './school-year';

/** Login, activation, password reset and refresh answer with a short-lived access token. */
export const SessionToken = z
  .object({
    accessToken: z.string(),
    /** Seconds until the access token runs out. */
    expiresIn: z.number(),
  })
  .meta({ id: 'SessionToken' });
export type SessionToken = z.output<typeof SessionToken>;

/** Forgot password and resend activation: the same answer whether or not the address has an account. */
export const MailRequested = z.object({ message: z.string() });
export type MailRequested = z.output<typeof MailRequested>;

/**
 * The summer blackout of a school year as `/api/me` sends it: ISO instants. Schools should not
 * enter students between `from` and `to`; students entered then are visible from `visibleFrom`.
 */
export const BlackoutWindow = z.object({
  from: z.string(),
  to: z.string(),
  visibleFrom: z.string(),
  /** The programmes it holds back (`seventh_year`, `third_grade`, `dual`, `adult`); others are shown as usual. */
  programmes: z.array(z.enum(BLACKOUT_PROGRAMMES)),
});
export type BlackoutWindow = z.output<typeof BlackoutWindow>;

export const SchoolYearInfo = z.object({
  id: z.string(),
  /** `archived`: the year is read-only (every write answers 409). */
  status: z.enum(SCHOOL_YEAR_STATUSES),
  blackout: BlackoutWindow,
});
export type SchoolYearInfo = z.output<typeof SchoolYearInfo>;

/**
 * The school's mails about its own students, each with its own switch under "Mijn account": a
 * service accepted a student, a service invited a dual student to an interview, the outcome of
 * that interview, a placement that ended (stopped, or released by the sector).
 */
export const NEWS_KINDS = ['accepted', 'invited', 'outcome', 'ended'] as const;
export type NewsKind = (typeof NEWS_KINDS)[number];
/** The switches as the person's account holds them: the kinds switched off. */
export const newsPreferencesOf = (newsOff: readonly string[] | undefined): Record<NewsKind, boolean> => ({
  accepted: !newsOff?.includes('accepted'),
  invited: !newsOff?.includes('invited'),
  outcome: !newsOff?.includes('outcome'),
  ended: !newsOff?.includes('ended'),
});
export const NewsPreferences = z.object({
  accepted: z.boolean(),
  invited: z.boolean(),
  outcome: z.boolean(),
  ended: z.boolean(),
});

/** `PUT /api/me/preferences`. */
export const Preferences = z.object({ reminders: z.boolean(), news: NewsPreferences });

/** `GET /api/me`: who is logged in, for which organisation, in which school year. */
export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  /** A regional team's provinces (role admin); null or absent for the national team and others. */
  provinces: z.array(z.enum(PROVINCES)).nullable().optional(),
  organisation: Organisation.nullable(),
  schoolYear: SchoolYearInfo,
  /** "Mijn account": reminder mails and the school's mails about its students, on (default) or off. */
  preferences: Preferences,
  /** Every organisation the person may act for; the web sends the choice as `x-organisation`. */
  organisations: z.array(OrganisationChoice).optional(),
});
export type Me = z.output<typeof Me>;

/** `GET /api/health` when the system works; a 503 error answer otherwise. */
export const Health = z.object({ status: z.literal('ok') });
export type Health = z.output<typeof Health>;
