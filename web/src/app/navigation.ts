import type { Role } from '#contract/roles';
import { t } from '../labels';

export interface NavItem {
  to: string;
  label: string;
}

/** Pages used less often, behind one button that drops them down. */
export interface NavGroup {
  label: string;
  items: NavItem[];
}

export type NavEntry = NavItem | NavGroup;

export const isGroup = (entry: NavEntry): entry is NavGroup => 'items' in entry;

/** What only the national team does: the sector's calendar, years, imports, registrations, notices. */
const NATIONAL_ONLY = new Set([
  '/importeren',
  '/kalender',
  '/schooljaren',
  '/rondes',
  '/registraties',
  '/meldingen',
  '/mislukte-mails',
]);

/** Pages that only change things (an import, a mailing, a registration to answer, a takeover). */
const WRITES_ONLY = new Set(['/importeren', '/mailing', '/registraties', '/overnames']);

/**
 * The menu differs per role; a visitor who is not logged in sees only the start page and login. A
 * regional team (`regional`) has no menu items for what the server keeps for the national team,
 * an archived year (`archived`) none for pages that only change things, and no group is left empty
 * by that.
 */
export function navigationFor(role: Role | null, regional = false, archived = false): NavEntry[] {
  const entries = menuOf(role);
  if (!regional && !archived) return entries;
  const allowed = (item: NavItem) =>
    !(regional && NATIONAL_ONLY.has(item.to)) && !(archived && WRITES_ONLY.has(item.to));
  return entries.flatMap((entry): NavEntry[] => {
    if (!isGroup(entry)) return allowed(entry) ? [entry] : [];
    const items = entry.items.filter(allowed);
    return items.length > 0 ? [{ ...entry, items }] : [];
  });
}

function menuOf(role: Role | null): NavEntry[] {
  const home = { to: '/', label: t.nav.home };
  const account = { to: '/account', label: t.nav.account };
  switch (role) {
    case 'school':
      return [
        home,
        { to: '/leerlingen', label: t.nav.students },
        { to: '/begeleiders', label: t.nav.supervisors },
        account,
      ];
    case 'service':
      return [
        home,
        { to: '/stagevragen', label: t.nav.requests },
        { to: '/contactpersonen', label: t.nav.contacts },
        { to: '/overnames', label: t.nav.takeovers },
        { to: '/duaal-rapport', label: t.nav.dualReport },
        account,
      ];
    case 'admin':
      // The daily work first; the year's set-up and the sector's housekeeping each behind a button.
      return [
        home,
        { to: '/overzicht', label: t.nav.overview },
        { to: '/alle-leerlingen', label: t.nav.allStudents },
        { to: '/organisaties', label: t.nav.organisations },
        {
          label: t.nav.schoolYearGroup,
          items: [
            { to: '/kalender', label: t.nav.calendar },
            { to: '/rondes', label: t.nav.rounds },
            { to: '/schooljaren', label: t.nav.schoolYears },
          ],
        },
        {
          label: t.nav.manageGroup,
          items: [
            { to: '/registraties', label: t.nav.registrations },
            { to: '/overnames', label: t.nav.takeovers },
            { to: '/importeren', label: t.nav.imports },
            { to: '/mailing', label: t.nav.mailing },
            { to: '/mislukte-mails', label: t.nav.mailFailures },
            { to: '/meldingen', label: t.nav.notices },
            { to: '/auditlog', label: t.nav.audit },
          ],
        },
        account,
      ];
    default:
      return [home, { to: '/aanmelden', label: t.nav.login }, { to: '/registreren', label: t.nav.register }];
  }
}
