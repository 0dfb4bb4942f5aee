import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '#contract/roles';
import { AccountPage } from '../features/accounts/AccountPage';
import { ChoosePasswordPage } from '../features/accounts/ChoosePasswordPage';
import { LoginPage } from '../features/accounts/LoginPage';
import { RequestMailPage } from '../features/accounts/RequestMailPage';
import { HomePage } from '../features/home/HomePage';
import { NewOrganisationPage } from '../features/organisations/NewOrganisationPage';
import { OrganisationPage } from '../features/organisations/OrganisationPage';
import { OrganisationsPage } from '../features/organisations/OrganisationsPage';
import { ContactsPage, SupervisorsPage } from '../features/people/people-pages';
import { PhasesPage } from '../features/placements/PhasesPage';
import { RequestsPage } from '../features/placements/RequestsPage';
import { StudentFormPage } from '../features/students/form/StudentFormPage';
import { StudentPage } from '../features/students/StudentPage';
import { StudentsPage } from '../features/students/StudentsPage';
import { RequireRole } from './auth/RequireRole';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

const Admin = {
  Organisations: OrganisationsPage,
  Organisation: OrganisationPage,
  NewOrganisation: NewOrganisationPage,
  Phases: PhasesPage,
};
const School = {
  Students: StudentsPage,
  Student: StudentPage,
  StudentForm: StudentFormPage,
  Supervisors: SupervisorsPage,
};
const Service = { Requests: RequestsPage, Contacts: ContactsPage };

const only = (allowed: readonly Role[], path: string, page: ReactNode): RouteObject => ({
  path,
  element: <RequireRole roles={allowed}>{page}</RequireRole>,
});

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
          { path: 'activeren', element: <ChoosePasswordPage mode="activate" /> },
          { path: 'wachtwoord-herstellen', element: <ChoosePasswordPage mode="reset" /> },
          { path: 'nieuwe-activatiemail', element: <RequestMailPage mode="activation" /> },
          { path: 'wachtwoord-vergeten', element: <RequestMailPage mode="reset" /> },
          only(['admin', 'school', 'service'], 'account', <AccountPage />),
          only(['admin'], 'organisaties', <Admin.Organisations />),
          only(['admin'], 'organisaties/nieuw', <Admin.NewOrganisation />),
          only(['admin'], 'organisaties/:id', <Admin.Organisation />),
          only(['admin'], 'rondes', <Admin.Phases />),
          only(['school'], 'begeleiders', <School.Supervisors />),
          only(['school'], 'leerlingen', <School.Students />),
          only(['school'], 'leerlingen/nieuw', <School.StudentForm key="new" />),
          only(['school'], 'leerlingen/:id', <School.Student />),
          only(['school'], 'leerlingen/:id/wijzigen', <School.StudentForm key="edit" />),
          only(['service'], 'stagevragen', <Service.Requests />),
          only(['service'], 'contactpersonen', <Service.Contacts />),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
