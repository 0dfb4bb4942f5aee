import * as z from '#kernel/zod';
import { ChangePasswordInput, EmailInput, LoginInput, TokenPasswordInput } from './account';
import {
  AdminStudentDetail,
  AdminStudentList,
  AdminStudentQuery,
  Dashboard,
  DashboardQuery,
  Recounted,
  RevealedPersonalData,
} from './admin';
import { requestsApiRoutes } from './api-requests';
import { type AnswerBody, type ApiRouteDef, empty, file, type InputOf, route } from './api-route';
import { AuditPage, AuditQuery } from './audit';
import { MailFailuresView, MemberEmailInput } from './bounces';
import { ExportInput, ExportJobView, ExportPath, ExportStarted } from './exports';
import { AdminHealth } from './health';
import { Helpline } from './help';
import { ImportInput, ImportJobPath, ImportJobView, ImportResult, ImportTemplateQuery } from './imports';
import { MailingInput, MailingPath, MailingPreview, MailingQueued, MailingReport } from './mailings';
import { Notice, NoticeList, NoticePath } from './notices';
import {
  MemberList,
  MemberPath,
  NewOrganisation,
  NewPerson,
  Organisation,
  OrganisationChanges,
  OrganisationList,
  OrganisationPath,
  OrganisationQuery,
  Person,
  ServiceOptionList,
} from './organisations';
import {
  ContactDetails,
  ContactList,
  LinkedPersonInput,
  LinkedPersonPath,
  Supervisor,
  SupervisorList,
} from './people';
import {
  RegistrationApproved,
  RegistrationInput,
  RegistrationList,
  RegistrationPath,
  RegistrationQuery,
  RegistrationReceived,
  RegistrationRejected,
  RejectInput,
} from './registrations';
import { DeclineInput, Released, ReleaseInput, ReleaseRequest, ReleaseRequestInput } from './releases';
import { RequestPath } from './requests';
import {
  ParticipationInput,
  PhaseOverrideInput,
  PreferencesInput,
  ProposedOrganisations,
  ProposedRound,
  RemindersQueued,
  Round,
  RoundChanges,
  RoundInput,
  RoundPath,
  SchoolYearCreateInput,
  SchoolYearList,
  SchoolYearPath,
  SchoolYearProposal,
  SchoolYearRoundPath,
  SchoolYearSummary,
  SchoolYearUpdateInput,
  SchoolYearView,
  TrackPath,
  TrackPhase,
  TrackPhaseList,
} from './school-year';
import { Health, MailRequested, Me, Preferences, SessionToken } from './session';
import { StudentImportAnswer, StudentImportInput, StudentImportTemplateQuery } from './student-imports';
import { StudentInput, StudentListQuery, StudentPath } from './students';
import { StudentDetail, StudentList, StudentResumed, StudentStopped } from './students-responses';
import { Takeover, TakeoverInput, TakeoverOverview, TakeoverPath, TakeoverServiceList } from './takeovers';
import {
  Completed,
  DualReport,
  Evaluation,
  EvaluationCounts,
  EvaluationInput,
  HoursInput,
  HoursRecorded,
  RemoteSupervision,
  RemoteSupervisionInput,
  TrainingContract,
  TrainingContractInput,
  Trajectory,
} from './trajectory';

export type { ApiRouteDef } from './api-route';

/** `GET /api/openapi.json`: this table as an OpenAPI 3.1 document. */
export const OpenApiDocument = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string(), description: z.string().optional() }),
  components: z.unknown().optional().meta({ description: 'Schemas and the security scheme' }),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  paths: z.unknown().optional().meta({ description: 'Every route of the table, as OpenAPI path items' }),
});

const none = {};

/**
 * The API as a contract: every route with the schemas of what goes in (path, query, body) and of
 * what comes out on success. One table for all: the server's route table (`shared/http/routes.ts`)
 * adds handlers, roles and permissions to these entries, the handlers take their input schemas and
 * answer types from it, the OpenAPI document is built from it, and the web's client is typed by it.
 * Refusals listed here come on top of those every route of its kind has (see `Refusal`).
 */
export const apiRoutes = [
  route('health', 'GET', '/api/health', none, { 200: Health }, [503]),
  route('openapi', 'GET', '/api/openapi.json', none, { 200: OpenApiDocument }),
  route('help', 'GET', '/api/help', none, { 200: Helpline }),
  route('login', 'POST', '/api/auth/login', { body: LoginInput }, { 200: SessionToken }, [401, 403, 429]),
  route('refresh', 'POST', '/api/auth/refresh', none, { 200: SessionToken }, [401]),
  route('logout', 'POST', '/api/auth/logout', none, { 204: empty }),
  route('activate', 'POST', '/api/auth/activate', { body: TokenPasswordInput }, { 200: SessionToken }, [410]),
  route(
    'resend-activation',
    'POST',
    '/api/auth/resend-activation',
    { body: EmailInput },
    { 202: MailRequested },
  ),
  route('forgot-password', 'POST', '/api/auth/forgot-password', { body: EmailInput }, { 202: MailRequested }),
  route(
    'reset-password',
    'POST',
    '/api/auth/reset-password',
    { body: TokenPasswordInput },
    { 200: SessionToken },
    [410],
  ),
  route('me', 'GET', '/api/me', none, { 200: Me }),
  route('me-password', 'POST', '/api/me/password', { body: ChangePasswordInput }, { 200: SessionToken }),
  route(
    'me-preferences',
    'PUT',
    '/api/me/preferences',
    { body: PreferencesInput },
    { 200: Preferences },
    [404],
  ),
  route('school-years-list', 'GET', '/api/school-years', none, { 200: SchoolYearList }),
  route(
    'school-years-create',
    'POST',
    '/api/school-years',
    { body: SchoolYearCreateInput },
    { 201: SchoolYearProposal },
    [409],
  ),
  route(
    'school-years-get',
    'GET',
    '/api/school-years/{schoolYear}',
    { path: SchoolYearPath },
    { 200: SchoolYearProposal },
    [404],
  ),
  route(
    'school-years-update',
    'PUT',
    '/api/school-years/{schoolYear}',
    { path: SchoolYearPath, body: SchoolYearUpdateInput },
    { 200: SchoolYearSummary },
    [404, 409],
  ),
  route(
    'school-years-rounds-create',
    'POST',
    '/api/school-years/{schoolYear}/rounds',
    { path: SchoolYearPath, body: RoundInput },
    { 201: ProposedRound },
    [404, 409],
  ),
  route(
    'school-years-rounds-update',
    'PUT',
    '/api/school-years/{schoolYear}/rounds/{id}',
    { path: SchoolYearRoundPath, body: RoundChanges },
    { 200: ProposedRound },
    [404, 409],
  ),
  route(
    'school-years-rounds-delete',
    'DELETE',
    '/api/school-years/{schoolYear}/rounds/{id}',
    { path: SchoolYearRoundPath },
    { 204: empty },
    [404, 409],
  ),
  route(
    'school-years-organisations',
    'PUT',
    '/api/school-years/{schoolYear}/organisations',
    { path: SchoolYearPath, body: ParticipationInput },
    { 200: ProposedOrganisations },
    [404, 409],
  ),
  route('school-year-get', 'GET', '/api/school-year', none, { 200: SchoolYearView }),
  route('calendar-ics', 'GET', '/api/school-year/calendar.ics', none, { 200: file('text/calendar') }),
  route('rounds-create', 'POST', '/api/school-year/rounds', { body: RoundInput }, { 201: Round }, [409]),
  route(
    'rounds-update',
    'PUT',
    '/api/school-year/rounds/{id}',
    { path: RoundPath, body: RoundChanges },
    { 200: Round },
    [404, 409],
  ),
  route(
    'rounds-delete',
    'DELETE',
    '/api/school-year/rounds/{id}',
    { path: RoundPath },
    { 204: empty },
    [404],
  ),
  route(
    'rounds-remind',
    'POST',
    '/api/school-year/rounds/{id}/reminders',
    { path: RoundPath },
    { 202: RemindersQueued },
    [404],
  ),
  route('mail-failures', 'GET', '/api/admin/mail-failures', none, { 200: MailFailuresView }),
  route(
    'organisations-list',
    'GET',
    '/api/organisations',
    { query: OrganisationQuery },
    { 200: OrganisationList },
  ),
  route(
    'organisations-create',
    'POST',
    '/api/organisations',
    { body: NewOrganisation },
    { 201: Organisation },
    [409],
  ),
  route(
    'organisations-get',
    'GET',
    '/api/organisations/{id}',
    { path: OrganisationPath },
    { 200: Organisation },
    [404],
  ),
  route(
    'organisations-update',
    'PATCH',
    '/api/organisations/{id}',
    { path: OrganisationPath, body: OrganisationChanges },
    { 200: Organisation },
    [404, 409],
  ),
  route(
    'members-list',
    'GET',
    '/api/organisations/{id}/members',
    { path: OrganisationPath },
    { 200: MemberList },
    [404],
  ),
  route(
    'members-invite',
    'POST',
    '/api/organisations/{id}/members',
    { path: OrganisationPath, body: NewPerson },
    { 201: Person },
    [404, 409],
  ),
  route(
    'members-update',
    'PATCH',
    '/api/organisations/{id}/members/{memberId}',
    { path: MemberPath, body: MemberEmailInput },
    { 200: Person },
    [404, 409],
  ),
  route(
    'members-deactivate',
    'DELETE',
    '/api/organisations/{id}/members/{memberId}',
    { path: MemberPath },
    { 200: Person },
    [404, 409],
  ),
  route('supervisors-list', 'GET', '/api/supervisors', none, { 200: SupervisorList }),
  route('supervisors-create', 'POST', '/api/supervisors', { body: LinkedPersonInput }, { 201: Supervisor }),
  route(
    'supervisors-update',
    'PUT',
    '/api/supervisors/{id}',
    { path: LinkedPersonPath, body: LinkedPersonInput },
    { 200: Supervisor },
    [404],
  ),
  route(
    'supervisors-delete',
    'DELETE',
    '/api/supervisors/{id}',
    { path: LinkedPersonPath },
    { 204: empty },
    [404, 409],
  ),
  route('students-list', 'GET', '/api/students', { query: StudentListQuery }, { 200: StudentList }),
  route(
    'students-create',
    'POST',
    '/api/students',
    { body: StudentInput },
    { 201: StudentDetail },
    [409, 422],
  ),
  route(
    'students-import',
    'POST',
    '/api/students/imports',
    { body: StudentImportInput },
    { 200: StudentImportAnswer },
  ),
  route(
    'students-import-template',
    'GET',
    '/api/students/imports/template',
    { query: StudentImportTemplateQuery },
    { 200: file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
    [404],
  ),
  route('students-get', 'GET', '/api/students/{id}', { path: StudentPath }, { 200: StudentDetail }, [404]),
  route(
    'students-update',
    'PUT',
    '/api/students/{id}',
    { path: StudentPath, body: StudentInput },
    { 200: StudentDetail },
    [404, 409, 422],
  ),
  route('students-delete', 'DELETE', '/api/students/{id}', { path: StudentPath }, { 204: empty }, [404, 409]),
  route(
    'students-stop',
    'POST',
    '/api/students/{id}/stop',
    { path: StudentPath },
    { 200: StudentStopped },
    [404, 409],
  ),
  route(
    'students-resume',
    'POST',
    '/api/students/{id}/resume',
    { path: StudentPath },
    { 200: StudentResumed },
    [404, 409, 422],
  ),
  route('services-list', 'GET', '/api/services', none, { 200: ServiceOptionList }),
  route('contacts-list', 'GET', '/api/contacts', none, { 200: ContactList }),
  route('contacts-create', 'POST', '/api/contacts', { body: LinkedPersonInput }, { 201: ContactDetails }),
  route(
    'contacts-update',
    'PUT',
    '/api/contacts/{id}',
    { path: LinkedPersonPath, body: LinkedPersonInput },
    { 200: ContactDetails },
    [404],
  ),
  route(
    'contacts-delete',
    'DELETE',
    '/api/contacts/{id}',
    { path: LinkedPersonPath },
    { 204: empty },
    [404, 409],
  ),
  route('notices-list', 'GET', '/api/notices', none, { 200: NoticeList }),
  route('notices-handled', 'POST', '/api/notices/{id}/handled', { path: NoticePath }, { 200: Notice }, [404]),
  route('tracks-list', 'GET', '/api/tracks', none, { 200: TrackPhaseList }),
  route(
    'tracks-phase',
    'PUT',
    '/api/tracks/{track}/phase',
    { path: TrackPath, body: PhaseOverrideInput },
    { 200: TrackPhase },
  ),
  ...requestsApiRoutes,
  route(
    'requests-release-request',
    'POST',
    '/api/requests/{studentId}/release-request',
    { path: RequestPath, body: ReleaseRequestInput },
    { 202: ReleaseRequest },
    [404, 409],
  ),
  route(
    'trajectory-get',
    'GET',
    '/api/students/{id}/trajectory',
    { path: StudentPath },
    { 200: Trajectory },
    [404, 422],
  ),
  route(
    'trajectory-hours',
    'POST',
    '/api/students/{id}/hours',
    { path: StudentPath, body: HoursInput },
    { 201: HoursRecorded },
    [404, 409, 422],
  ),
  route(
    'trajectory-evaluate',
    'POST',
    '/api/students/{id}/evaluations',
    { path: StudentPath, body: EvaluationInput },
    { 201: Evaluation },
    [404, 409, 422],
  ),
  route(
    'trajectory-remote',
    'PUT',
    '/api/students/{id}/remote-supervision',
    { path: StudentPath, body: RemoteSupervisionInput },
    { 200: RemoteSupervision },
    [404, 422],
  ),
  route(
    'trajectory-contract',
    'PUT',
    '/api/students/{id}/training-contract',
    { path: StudentPath, body: TrainingContractInput },
    { 200: TrainingContract },
    [404, 409, 422],
  ),
  route(
    'trajectory-complete',
    'POST',
    '/api/students/{id}/complete',
    { path: StudentPath },
    { 200: Completed },
    [404, 409, 422],
  ),
  route('trajectory-counts', 'GET', '/api/admin/evaluations', none, { 200: EvaluationCounts }),
  route('dual-report', 'GET', '/api/dual-report', none, { 200: DualReport }),
  route(
    'registrations-create',
    'POST',
    '/api/registrations',
    { body: RegistrationInput },
    { 202: RegistrationReceived },
    [409],
  ),
  route(
    'registrations-list',
    'GET',
    '/api/admin/registrations',
    { query: RegistrationQuery },
    { 200: RegistrationList },
  ),
  route(
    'registrations-approve',
    'POST',
    '/api/admin/registrations/{id}/approve',
    { path: RegistrationPath },
    { 200: RegistrationApproved },
    [404, 409],
  ),
  route(
    'registrations-reject',
    'POST',
    '/api/admin/registrations/{id}/reject',
    { path: RegistrationPath, body: RejectInput },
    { 200: RegistrationRejected },
    [404, 409],
  ),
  route('takeovers-services', 'GET', '/api/takeovers/services', none, { 200: TakeoverServiceList }),
  route('takeovers-create', 'POST', '/api/takeovers', { body: TakeoverInput }, { 201: Takeover }, [404, 409]),
  route('takeovers-list', 'GET', '/api/takeovers', none, { 200: TakeoverOverview }),
  route(
    'takeovers-approve',
    'POST',
    '/api/takeovers/{id}/approve',
    { path: TakeoverPath },
    { 200: Takeover },
    [404, 409],
  ),
  route(
    'takeovers-reject',
    'POST',
    '/api/takeovers/{id}/reject',
    { path: TakeoverPath },
    { 200: Takeover },
    [404, 409],
  ),
  route('exports-start', 'POST', '/api/exports', { body: ExportInput }, { 202: ExportStarted }),
  route('exports-get', 'GET', '/api/exports/{id}', { path: ExportPath }, { 200: ExportJobView }, [404]),
  route(
    'admin-students-list',
    'GET',
    '/api/admin/students',
    { query: AdminStudentQuery },
    { 200: AdminStudentList },
  ),
  route(
    'admin-students-get',
    'GET',
    '/api/admin/students/{id}',
    { path: StudentPath },
    { 200: AdminStudentDetail },
    [404],
  ),
  route(
    'admin-students-reveal',
    'POST',
    '/api/admin/students/{id}/reveal',
    { path: StudentPath },
    { 200: RevealedPersonalData },
    [404],
  ),
  route(
    'admin-students-release',
    'POST',
    '/api/admin/students/{id}/release',
    { path: StudentPath, body: ReleaseInput },
    { 200: Released },
    [404, 409],
  ),
  route(
    'admin-release-decline',
    'POST',
    '/api/admin/students/{id}/release-request/decline',
    { path: StudentPath, body: DeclineInput },
    { 200: ReleaseRequest },
    [404, 409],
  ),
  route('admin-dashboard', 'GET', '/api/admin/dashboard', { query: DashboardQuery }, { 200: Dashboard }),
  route('admin-health', 'GET', '/api/admin/health', none, { 200: AdminHealth }),
  route('admin-dashboard-recount', 'POST', '/api/admin/dashboard/recount', none, { 200: Recounted }),
  route('admin-audit', 'GET', '/api/admin/audit', { query: AuditQuery }, { 200: AuditPage }),
  route(
    'admin-imports',
    'POST',
    '/api/admin/imports',
    { body: ImportInput },
    { 200: ImportResult, 202: ImportJobView },
  ),
  route(
    'admin-import-job',
    'GET',
    '/api/admin/import-jobs/{id}',
    { path: ImportJobPath },
    { 200: ImportJobView },
    [404],
  ),
  route(
    'admin-import-resume',
    'POST',
    '/api/admin/import-jobs/{id}/resume',
    { path: ImportJobPath },
    { 202: ImportJobView },
    [404, 409],
  ),
  route(
    'admin-mailings',
    'POST',
    '/api/admin/mailings',
    { body: MailingInput },
    { 200: MailingPreview, 202: MailingQueued },
    [409],
  ),
  route(
    'admin-mailing-report',
    'GET',
    '/api/admin/mailings/{id}',
    { path: MailingPath },
    { 200: MailingReport },
    [404],
  ),
  route(
    'admin-imports-template',
    'GET',
    '/api/admin/imports/template',
    { query: ImportTemplateQuery },
    { 200: file('text/csv') },
  ),
] as const satisfies readonly ApiRouteDef[];

export type ApiRoute = (typeof apiRoutes)[number];
export type ApiRouteId = ApiRoute['id'];
export type ApiRouteById<Id extends ApiRouteId> = Extract<ApiRoute, { id: Id }>;

export function apiRoute<Id extends ApiRouteId>(id: Id): ApiRouteById<Id> {
  const found = apiRoutes.find((r) => r.id === id);
  if (!found) throw new Error(`Unknown route ${id}`);
  return found as ApiRouteById<Id>;
}

/** A route named as in HTTP: `GET /api/students/{id}`. */
export type ApiKey = ApiRoute extends infer R
  ? R extends ApiRoute
    ? `${R['method']} ${R['path']}`
    : never
  : never;
export type ApiRouteAt<K extends ApiKey> = K extends `${infer M} ${infer P}`
  ? Extract<ApiRoute, { method: M; path: P }>
  : never;

/** What a caller sends to a route: `{ path?, query?, body? }`, only the parts the route reads. */
export type ApiInput<K extends ApiKey> = InputOf<ApiRouteAt<K>['input']>;
/** What a caller gets back from a route on success. */
export type ApiAnswer<K extends ApiKey> = AnswerBody<ApiRouteAt<K>['answers']>;
