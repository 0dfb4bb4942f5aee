import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AuthProvider } from './auth/AuthContext';
import { RequireRole } from './auth/RequireRole';
import { Layout } from './layout/Layout';
import { AccountPage } from './pages/account/AccountPage';
import { ChoosePasswordPage } from './pages/account/ChoosePasswordPage';
import { LoginPage } from './pages/account/LoginPage';
import { RequestMailPage } from './pages/account/RequestMailPage';
import { NewOrganisationPage } from './pages/admin/NewOrganisationPage';
import { OrganisationPage } from './pages/admin/OrganisationPage';
import { OrganisationsPage } from './pages/admin/OrganisationsPage';
import { PhasesPage } from './pages/admin/PhasesPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StudentFormPage } from './pages/school/StudentFormPage';
import { StudentPage } from './pages/school/StudentPage';
import { StudentsPage } from './pages/school/StudentsPage';
import { RequestsPage } from './pages/service/RequestsPage';
import { ContactsPage, SupervisorsPage } from './pages/shared/people-pages';
import './styles.css';

const everyone = ['admin', 'school', 'service'] as const;

const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'aanmelden', element: <LoginPage /> },
      { path: 'activeren', element: <ChoosePasswordPage mode="activate" /> },
      { path: 'wachtwoord-herstellen', element: <ChoosePasswordPage mode="reset" /> },
      { path: 'nieuwe-activatiemail', element: <RequestMailPage mode="activation" /> },
      { path: 'wachtwoord-vergeten', element: <RequestMailPage mode="reset" /> },
      {
        path: 'account',
        element: (
          <RequireRole roles={[...everyone]}>
            <AccountPage />
          </RequireRole>
        ),
      },
      {
        path: 'organisaties',
        element: (
          <RequireRole roles={['admin']}>
            <OrganisationsPage />
          </RequireRole>
        ),
      },
      {
        path: 'organisaties/nieuw',
        element: (
          <RequireRole roles={['admin']}>
            <NewOrganisationPage />
          </RequireRole>
        ),
      },
      {
        path: 'organisaties/:id',
        element: (
          <RequireRole roles={['admin']}>
            <OrganisationPage />
          </RequireRole>
        ),
      },
      ...(
        [
          ['begeleiders', <SupervisorsPage key="s" />],
          ['leerlingen', <StudentsPage key="l" />],
          ['leerlingen/nieuw', <StudentFormPage key="n" />],
          ['leerlingen/:id', <StudentPage key="d" />],
          ['leerlingen/:id/wijzigen', <StudentFormPage key="e" />],
        ] as const
      ).map(([path, page]) => ({ path, element: <RequireRole roles={['school']}>{page}</RequireRole> })),
      ...(
        [
          ['stagevragen', <RequestsPage key="r" />],
          ['contactpersonen', <ContactsPage key="c" />],
        ] as const
      ).map(([path, page]) => ({ path, element: <RequireRole roles={['service']}>{page}</RequireRole> })),
      {
        path: 'rondes',
        element: (
          <RequireRole roles={['admin']}>
            <PhasesPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  </StrictMode>,
);
