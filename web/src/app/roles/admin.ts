/** The admin's pages: one chunk, loaded only when an admin opens one of them. */

export { AdminStudentPage } from '../../features/admin/AdminStudentPage';
export { AdminStudentsPage } from '../../features/admin/AdminStudentsPage';
export { AuditPage } from '../../features/admin/AuditPage';
export { DashboardPage } from '../../features/admin/DashboardPage';
export { ImportPage } from '../../features/admin/ImportPage';
export { MailFailuresPage } from '../../features/admin/MailFailuresPage';
export { MailingPage } from '../../features/admin/MailingPage';
export { NoticesPage } from '../../features/admin/NoticesPage';
export { NewOrganisationPage } from '../../features/organisations/NewOrganisationPage';
export { OrganisationPage } from '../../features/organisations/OrganisationPage';
export { OrganisationsPage } from '../../features/organisations/OrganisationsPage';
export { RegistrationsPage } from '../../features/registrations/RegistrationsPage';
export { PhasesPage } from '../../features/requests/PhasesPage';
export { CalendarPage } from '../../features/school-year/CalendarPage';
export { SchoolYearsPage } from '../../features/school-year/SchoolYearsPage';
