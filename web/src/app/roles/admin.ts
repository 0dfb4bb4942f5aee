/** The admin's pages: one chunk, loaded only when an admin opens one of them. */
export { NewOrganisationPage } from '../../features/organisations/NewOrganisationPage';
export { OrganisationPage } from '../../features/organisations/OrganisationPage';
export { OrganisationsPage } from '../../features/organisations/OrganisationsPage';
export { PhasesPage } from '../../features/placements/PhasesPage';
export { RegistrationsPage } from '../../features/registrations/RegistrationsPage';
export { CalendarPage } from '../../features/school-year/CalendarPage';
export { AdminStudentPage } from '../../features/sector/AdminStudentPage';
export { AdminStudentsPage } from '../../features/sector/AdminStudentsPage';
export { AuditPage } from '../../features/sector/AuditPage';
export { DashboardPage } from '../../features/sector/DashboardPage';
export { ImportPage } from '../../features/sector/ImportPage';
export { MailingPage } from '../../features/sector/MailingPage';
