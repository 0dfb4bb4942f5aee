import { type ComponentType, lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '#contract/roles';
import { AccountPage } from '../features/accounts/AccountPage';
import { ChoosePasswordPage } from '../features/accounts/ChoosePasswordPage';
import { LoginPage } from '../features/accounts/LoginPage';
import { RequestMailPage } from '../features/accounts/RequestMailPage';
import { HelpPage } from '../features/help/HelpPage';
import { HomePage } from '../features/home/HomePage';
import { RegisterServicePage } from '../features/registrations/RegisterServicePage';
import { RequireRole } from './auth/RequireRole';
import { WritablePage } from './auth/Writable';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

/**
 * The pages of each role come in their own chunk, fetched the first time someone of that role
 * opens one: a visitor on the login page loads none of them. The start and account pages are small
 * and needed by everyone, so they stay in the first load.
 */
const roles = {
  admin: () => import('./roles/admin'),
  school: () => import('./roles/school'),
  service: () => import('./roles/service'),
};

function lazyPage<M>(
  load: () => Promise<M>,
  name: { [K in keyof M]: M[K] extends ComponentType ? K : never }[keyof M],
) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const Admin = {
  Organisations: lazyPage(roles.admin, 'OrganisationsPage'),
  Organisation: lazyPage(roles.admin, 'OrganisationPage'),
  NewOrganisation: lazyPage(roles.admin, 'NewOrganisationPage'),
  Phases: lazyPage(roles.admin, 'PhasesPage'),
  Calendar: lazyPage(roles.admin, 'CalendarPage'),
  SchoolYears: lazyPage(roles.admin, 'SchoolYearsPage'),
  Registrations: lazyPage(roles.admin, 'RegistrationsPage'),
  Dashboard: lazyPage(roles.admin, 'DashboardPage'),
  Students: lazyPage(roles.admin, 'AdminStudentsPage'),
  Student: lazyPage(roles.admin, 'AdminStudentPage'),
  Import: lazyPage(roles.admin, 'ImportPage'),
  Audit: lazyPage(roles.admin, 'AuditPage'),
  Mailing: lazyPage(roles.admin, 'MailingPage'),
  Notices: lazyPage(roles.admin, 'NoticesPage'),
  MailFailures: lazyPage(roles.admin, 'MailFailuresPage'),
};
const School = {
  Students: lazyPage(roles.school, 'StudentsPage'),
  Student: lazyPage(roles.school, 'StudentPage'),
  StudentForm: lazyPage(roles.school, 'StudentFormPage'),
  StudentImport: lazyPage(roles.school, 'StudentImportPage'),
  Supervisors: lazyPage(roles.school, 'SupervisorsPage'),
};
const Service = {
  Requests: lazyPage(roles.service, 'RequestsPage'),
  Contacts: lazyPage(roles.service, 'ContactsPage'),
  Takeovers: lazyPage(roles.service, 'TakeoversPage'),
  DualReport: lazyPage(roles.service, 'DualReportPage'),
};

const only = (allowed: readonly Role[], path: string, page: ReactNode): RouteObject => ({
  path,
  element: <RequireRole roles={allowed}>{page}</RequireRole>,
});

/** A school's page that only adds or changes students: in an archived year it says "Alleen lezen". */
const schoolForm = (path: string, page: ReactNode): RouteObject =>
  only(
    ['school'],
    path,
    <WritablePage back={{ to: '/leerlingen', label: 'Naar je leerlingen' }}>{page}</WritablePage>,
  );

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'aanmelden', element: <LoginPage /> },
          { path: 'hulp', element: <HelpPage /> },
          { path: 'activeren', element: <ChoosePasswordPage mode="activate" /> },
          { path: 'wachtwoord-herstellen', element: <ChoosePasswordPage mode="reset" /> },
          { path: 'nieuwe-activatiemail', element: <RequestMailPage mode="activation" /> },
          { path: 'wachtwoord-vergeten', element: <RequestMailPage mode="reset" /> },
          only(['admin', 'school', 'service'], 'account', <AccountPage />),
          only(['admin'], 'organisaties', <Admin.Organisations />),
          only(['admin'], 'organisaties/nieuw', <Admin.NewOrganisation />),
          only(['admin'], 'organisaties/:id', <Admin.Organisation />),
          only(['admin'], 'rondes', <Admin.Phases />),
          only(['admin'], 'kalender', <Admin.Calendar />),
          only(['admin'], 'schooljaren', <Admin.SchoolYears />),
          only(['admin'], 'registraties', <Admin.Registrations />),
          only(['admin'], 'overzicht', <Admin.Dashboard />),
          only(['admin'], 'alle-leerlingen', <Admin.Students />),
          only(['admin'], 'alle-leerlingen/:id', <Admin.Student />),
          only(['admin'], 'importeren', <Admin.Import />),
          only(['admin'], 'auditlog', <Admin.Audit />),
          only(['admin'], 'mailing', <Admin.Mailing />),
          only(['admin'], 'meldingen', <Admin.Notices />),
          only(['admin'], 'mislukte-mails', <Admin.MailFailures />),
          { path: 'registreren', element: <RegisterServicePage /> },
          only(['school'], 'begeleiders', <School.Supervisors />),
          only(['school'], 'leerlingen', <School.Students />),
          schoolForm('leerlingen/nieuw', <School.StudentForm key="new" />),
          schoolForm('leerlingen/importeren', <School.StudentImport />),
          only(['school'], 'leerlingen/:id', <School.Student />),
          schoolForm('leerlingen/:id/wijzigen', <School.StudentForm key="edit" />),
          only(['service'], 'stagevragen', <Service.Requests />),
          only(['service'], 'contactpersonen', <Service.Contacts />),
          only(['service'], 'duaal-rapport', <Service.DualReport />),
          {
            path: 'overnames',
            element: (
              <RequireRole roles={['admin', 'service']}>
                <Service.Takeovers />
              </RequireRole>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
