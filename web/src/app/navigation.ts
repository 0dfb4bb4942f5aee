import type { Role } from '#contract/roles';
import { t } from '../labels';

export interface NavItem {
  to: string;
  label: string;
}

/** The menu differs per role; a visitor who is not logged in sees only the start page and login. */
export function navigationFor(role: Role | null): NavItem[] {
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
      return [
        home,
        { to: '/overzicht', label: t.nav.overview },
        { to: '/alle-leerlingen', label: t.nav.allStudents },
        { to: '/organisaties', label: t.nav.organisations },
        { to: '/importeren', label: t.nav.imports },
        { to: '/mailing', label: t.nav.mailing },
        { to: '/mislukte-mails', label: t.nav.mailFailures },
        { to: '/kalender', label: t.nav.calendar },
        { to: '/schooljaren', label: t.nav.schoolYears },
        { to: '/rondes', label: t.nav.rounds },
        { to: '/registraties', label: t.nav.registrations },
        { to: '/overnames', label: t.nav.takeovers },
        { to: '/auditlog', label: t.nav.audit },
        account,
      ];
    default:
      return [home, { to: '/aanmelden', label: t.nav.login }, { to: '/registreren', label: t.nav.register }];
  }
}
