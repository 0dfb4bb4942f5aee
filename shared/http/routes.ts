import type { Role } from '#contract/roles';
import type { Resource, RouteDef } from './route-types';

type Throttle = { rate: number; burst: number };

/**
 * Public account routes get a low throttle: they are where password guessing would happen. The
 * throttle is shared by every caller, so it protects the back end; one client is held back by the
 * web ACL's per-IP limits (infra/lib/edge.ts) and by the login lockout.
 */
function authRoute<Id extends string>(
  id: Id,
  path: string,
  file: string,
  resources: Resource[],
  throttle: Throttle = { rate: 10, burst: 50 },
) {
  return [
    {
      id,
      method: 'POST',
      path,
      entry: `functions/matching/auth/${file}`,
      public: true,
      roles: [],
      resources,
      throttle,
    },
  ] as const;
}

/**
 * At 12:00 a round opens and the staff of 150 services open the app at once: every one of them
 * renews a token or logs in within seconds, so both routes take at least that burst. Behind them
 * sits Cognito's per-account quota for InitiateAuth (category UserAuthentication, see Service
 * Quotas; it can be raised).
 */
const LOGIN_THROTTLE: Throttle = { rate: 50, burst: 200 };
const REFRESH_THROTTLE: Throttle = { rate: 150, burst: 300 };

/** Routes for one set of roles; entry files live under functions/matching. */
function forRoles<const R extends readonly Role[]>(roles: R) {
  return <const Id extends string, const M extends RouteDef['method']>(
    id: Id,
    method: M,
    path: string,
    file: string,
    resources: Resource[],
    throttle?: Throttle,
  ) =>
    ({
      id,
      method,
      path,
      entry: `functions/matching/${file}`,
      public: false,
      roles,
      resources,
      ...(throttle ? { throttle } : {}),
    }) as const;
}

const school = forRoles(['school']);
/** The list and the decision take the round-opening rush, hence their own throttle there. */
const service = forRoles(['service']);
const admin = forRoles(['admin']);
const anyone = forRoles(['admin', 'school', 'service']);
const schoolOrService = forRoles(['school', 'service']);

/**
 * The single list of API routes. The CDK app creates one API Gateway route per entry, served by
 * the function of its permission set (function-groups.ts); the local server serves the same table.
 */
export const routes = [
  {
    id: 'health',
    method: 'GET',
    path: '/api/health',
    entry: 'functions/matching/health.ts',
    public: true,
    roles: [],
    resources: ['table:read'],
    throttle: { rate: 20, burst: 40 },
  },
  ...authRoute('login', '/api/auth/login', 'login.ts', ['table:write', 'users:login'], LOGIN_THROTTLE),
  ...authRoute(
    'refresh',
    '/api/auth/refresh',
    'refresh.ts',
    ['table:write', 'users:login'],
    REFRESH_THROTTLE,
  ),
  ...authRoute('logout', '/api/auth/logout', 'logout.ts', ['table:write']),
  ...authRoute('activate', '/api/auth/activate', 'activate.ts', [
    'table:write',
    'users:admin',
    'users:login',
  ]),
  ...authRoute('resend-activation', '/api/auth/resend-activation', 'resend-activation.ts', [
    'table:write',
    'mail:send',
  ]),
  ...authRoute('forgot-password', '/api/auth/forgot-password', 'forgot-password.ts', [
    'table:write',
    'mail:send',
  ]),
  ...authRoute('reset-password', '/api/auth/reset-password', 'reset-password.ts', [
    'table:write',
    'users:admin',
    'users:login',
  ]),
  anyone('me', 'GET', '/api/me', 'me.ts', ['table:read']),
  // Checks the current password like a login does, so it shares the login throttle.
  anyone(
    'me-password',
    'POST',
    '/api/me/password',
    'account/change-password.ts',
    // Checks the current password and signs in with the new one through the web app client.
    ['table:write', 'users:admin', 'users:login'],
    {
      rate: 10,
      burst: 50,
    },
  ),
  anyone('me-preferences', 'PUT', '/api/me/preferences', 'school-year/preferences.ts', ['table:write']),
  anyone('school-year-get', 'GET', '/api/school-year', 'school-year/get.ts', ['table:read']),
  {
    id: 'calendar-ics',
    method: 'GET',
    path: '/api/school-year/calendar.ics',
    entry: 'functions/matching/school-year/calendar-ics.ts',
    public: true,
    roles: [],
    resources: ['table:read'],
    throttle: { rate: 20, burst: 40 },
  },
  admin('rounds-create', 'POST', '/api/school-year/rounds', 'school-year/rounds-create.ts', ['table:write']),
  admin('rounds-update', 'PUT', '/api/school-year/rounds/{id}', 'school-year/rounds-update.ts', [
    'table:write',
  ]),
  admin('rounds-delete', 'DELETE', '/api/school-year/rounds/{id}', 'school-year/rounds-delete.ts', [
    'table:write',
  ]),
  admin('rounds-remind', 'POST', '/api/school-year/rounds/{id}/reminders', 'school-year/rounds-remind.ts', [
    'table:write',
  ]),
  admin('mail-failures', 'GET', '/api/admin/mail-failures', 'school-year/mail-failures.ts', ['table:read']),
  // The life cycle of school years: preparing the next, archiving, retention (the registry of years).
  admin('school-years-list', 'GET', '/api/school-years', 'school-years/list.ts', ['table:read']),
  admin('school-years-create', 'POST', '/api/school-years', 'school-years/create.ts', [
    'table:read',
    'years:write',
  ]),
  admin('school-years-get', 'GET', '/api/school-years/{schoolYear}', 'school-years/get.ts', ['table:read']),
  admin('school-years-update', 'PUT', '/api/school-years/{schoolYear}', 'school-years/update.ts', [
    'table:read',
    'years:write',
  ]),
  admin(
    'school-years-rounds-create',
    'POST',
    '/api/school-years/{schoolYear}/rounds',
    'school-years/rounds-create.ts',
    ['table:read', 'years:write'],
  ),
  admin(
    'school-years-rounds-update',
    'PUT',
    '/api/school-years/{schoolYear}/rounds/{id}',
    'school-years/rounds-update.ts',
    ['table:read', 'years:write'],
  ),
  admin(
    'school-years-rounds-delete',
    'DELETE',
    '/api/school-years/{schoolYear}/rounds/{id}',
    'school-years/rounds-delete.ts',
    ['table:read', 'years:write'],
  ),
  admin(
    'school-years-organisations',
    'PUT',
    '/api/school-years/{schoolYear}/organisations',
    'school-years/organisations.ts',
    ['table:read', 'years:write'],
  ),
  admin('organisations-list', 'GET', '/api/organisations', 'organisations/list.ts', ['table:read']),
  admin('organisations-create', 'POST', '/api/organisations', 'organisations/create.ts', ['table:write']),
  admin('organisations-get', 'GET', '/api/organisations/{id}', 'organisations/get.ts', ['table:read']),
  admin('organisations-update', 'PATCH', '/api/organisations/{id}', 'organisations/update.ts', [
    'table:write',
  ]),
  admin('members-list', 'GET', '/api/organisations/{id}/members', 'organisations/members-list.ts', [
    'table:read',
  ]),
  admin('members-invite', 'POST', '/api/organisations/{id}/members', 'organisations/members-invite.ts', [
    'table:write',
    'mail:send',
  ]),
  admin(
    'members-deactivate',
    'DELETE',
    '/api/organisations/{id}/members/{memberId}',
    'organisations/members-deactivate.ts',
    ['table:write', 'users:admin'],
  ),
  school('supervisors-list', 'GET', '/api/supervisors', 'supervisors/list.ts', ['table:read']),
  school('supervisors-create', 'POST', '/api/supervisors', 'supervisors/create.ts', ['table:write']),
  school('supervisors-update', 'PUT', '/api/supervisors/{id}', 'supervisors/update.ts', ['table:write']),
  school('supervisors-delete', 'DELETE', '/api/supervisors/{id}', 'supervisors/delete.ts', ['table:write']),
  school('students-list', 'GET', '/api/students', 'students/list.ts', ['table:read']),
  // Create and update open what they sealed (the response shows the number) and the blind-index key.
  school('students-create', 'POST', '/api/students', 'students/create.ts', [
    'table:write',
    'pii:encrypt',
    'pii:decrypt',
  ]),
  // A sheet of students: checked like the form (a dry run), then entered; the same permissions as entering one.
  school('students-import', 'POST', '/api/students/imports', 'students/import.ts', [
    'table:write',
    'pii:encrypt',
    'pii:decrypt',
  ]),
  school('students-import-template', 'GET', '/api/students/imports/template', 'students/import-template.ts', [
    'table:read',
  ]),
  school('students-get', 'GET', '/api/students/{id}', 'students/get.ts', ['table:read', 'pii:decrypt']),
  school('students-update', 'PUT', '/api/students/{id}', 'students/update.ts', [
    'table:write',
    'pii:encrypt',
    'pii:decrypt',
  ]),
  school('students-delete', 'DELETE', '/api/students/{id}', 'students/delete.ts', ['table:write']),
  school('students-stop', 'POST', '/api/students/{id}/stop', 'students/stop.ts', ['table:write']),
  school('students-resume', 'POST', '/api/students/{id}/resume', 'students/resume.ts', ['table:write']),
  forRoles(['admin', 'school'])('services-list', 'GET', '/api/services', 'services/list.ts', ['table:read']),
  service('contacts-list', 'GET', '/api/contacts', 'contacts/list.ts', ['table:read']),
  service('contacts-create', 'POST', '/api/contacts', 'contacts/create.ts', ['table:write']),
  service('contacts-update', 'PUT', '/api/contacts/{id}', 'contacts/update.ts', ['table:write']),
  service('contacts-delete', 'DELETE', '/api/contacts/{id}', 'contacts/delete.ts', ['table:write']),
  admin('notices-list', 'GET', '/api/notices', 'notices/list.ts', ['table:read']),
  anyone('tracks-list', 'GET', '/api/tracks', 'tracks/list.ts', ['table:read']),
  admin('tracks-phase', 'PUT', '/api/tracks/{track}/phase', 'tracks/set-phase.ts', ['table:write']),
  service('requests-list', 'GET', '/api/requests', 'requests/list.ts', ['table:read'], {
    rate: 500,
    burst: 1000,
  }),
  service('requests-get', 'GET', '/api/requests/{studentId}', 'requests/get.ts', [
    'table:read',
    'pii:decrypt',
  ]),
  service(
    'requests-decide',
    'PUT',
    '/api/requests/{studentId}/decision',
    'requests/decide.ts',
    ['table:write', 'pii:decrypt'],
    {
      rate: 500,
      burst: 1000,
    },
  ),
  // After the match: hours, evaluations, remote supervision, completion, the dual yearly report.
  schoolOrService('trajectory-get', 'GET', '/api/students/{id}/trajectory', 'trajectory/get.ts', [
    'table:read',
  ]),
  schoolOrService('trajectory-hours', 'POST', '/api/students/{id}/hours', 'trajectory/hours.ts', [
    'table:write',
  ]),
  schoolOrService('trajectory-evaluate', 'POST', '/api/students/{id}/evaluations', 'trajectory/evaluate.ts', [
    'table:write',
  ]),
  service(
    'trajectory-remote',
    'PUT',
    '/api/students/{id}/remote-supervision',
    'trajectory/remote-supervision.ts',
    ['table:write'],
  ),
  service(
    'trajectory-contract',
    'PUT',
    '/api/students/{id}/training-contract',
    'trajectory/training-contract.ts',
    ['table:write'],
  ),
  school('trajectory-complete', 'POST', '/api/students/{id}/complete', 'trajectory/complete.ts', [
    'table:write',
  ]),
  admin('trajectory-counts', 'GET', '/api/admin/evaluations', 'trajectory/counts.ts', ['table:read']),
  service('dual-report', 'GET', '/api/dual-report', 'trajectory/dual-report.ts', ['table:read']),
  // Services that register themselves, and the admin's answer.
  {
    id: 'registrations-create',
    method: 'POST',
    path: '/api/registrations',
    entry: 'functions/matching/registrations/create.ts',
    public: true,
    roles: [],
    resources: ['table:write', 'mail:send'],
    throttle: { rate: 5, burst: 20 },
  },
  admin('registrations-list', 'GET', '/api/admin/registrations', 'registrations/list.ts', ['table:read']),
  admin(
    'registrations-approve',
    'POST',
    '/api/admin/registrations/{id}/approve',
    'registrations/approve.ts',
    ['table:write', 'mail:send'],
  ),
  admin('registrations-reject', 'POST', '/api/admin/registrations/{id}/reject', 'registrations/reject.ts', [
    'table:write',
    'mail:send',
  ]),
  // Taking over the management of a service.
  schoolOrService('takeovers-services', 'GET', '/api/takeovers/services', 'takeovers/services.ts', [
    'table:read',
  ]),
  schoolOrService('takeovers-create', 'POST', '/api/takeovers', 'takeovers/create.ts', [
    'table:write',
    'mail:send',
  ]),
  anyone('takeovers-list', 'GET', '/api/takeovers', 'takeovers/list.ts', ['table:read']),
  forRoles(['admin', 'service'])(
    'takeovers-approve',
    'POST',
    '/api/takeovers/{id}/approve',
    'takeovers/approve.ts',
    ['table:write', 'mail:send'],
  ),
  forRoles(['admin', 'service'])(
    'takeovers-reject',
    'POST',
    '/api/takeovers/{id}/reject',
    'takeovers/reject.ts',
    ['table:write', 'mail:send'],
  ),
  anyone('exports-start', 'POST', '/api/exports', 'exports/start.ts', ['table:write', 'exports:start'], {
    rate: 20,
    burst: 40,
  }),
  anyone('exports-get', 'GET', '/api/exports/{id}', 'exports/get.ts', ['table:read', 'exports:read']),
  admin('admin-students-list', 'GET', '/api/admin/students', 'admin/students-list.ts', ['table:read']),
  admin('admin-students-get', 'GET', '/api/admin/students/{id}', 'admin/students-get.ts', ['table:read']),
  admin('admin-students-reveal', 'POST', '/api/admin/students/{id}/reveal', 'admin/students-reveal.ts', [
    'table:write',
    'pii:decrypt',
  ]),
  admin('admin-dashboard', 'GET', '/api/admin/dashboard', 'admin/dashboard.ts', ['table:read']),
  admin('admin-dashboard-recount', 'POST', '/api/admin/dashboard/recount', 'admin/recount.ts', [
    'table:write',
  ]),
  admin('admin-audit', 'GET', '/api/admin/audit', 'admin/audit.ts', ['table:read']),
  admin('admin-imports', 'POST', '/api/admin/imports', 'admin/import.ts', ['table:write', 'mail:send']),
  admin('admin-mailings', 'POST', '/api/admin/mailings', 'admin/mailings.ts', ['table:write']),
  admin('admin-imports-template', 'GET', '/api/admin/imports/template', 'admin/import-template.ts', []),
] as const satisfies readonly RouteDef[];

/** The export function (not an API route): the API starts it; locally the local server runs it. */
export const EXPORT_FUNCTION_ENTRY = 'functions/export/export-list.ts';

export type RouteId = (typeof routes)[number]['id'];
export type RouteById<Id extends RouteId> = Extract<(typeof routes)[number], { id: Id }>;

export function routeById<Id extends RouteId>(id: Id): RouteById<Id> {
  const route = routes.find((r) => r.id === id);
  if (!route) throw new Error(`Unknown route ${id}`);
  return route as RouteById<Id>;
}
