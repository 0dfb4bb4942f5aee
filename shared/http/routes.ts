import { type ApiRouteId, apiRoute } from '#contract/api';
import type { Role } from '#contract/roles';
import { hotPathRoutes } from './hot-path-routes';
import type { Resource, RouteDef } from './route-types';

type Throttle = { rate: number; burst: number };

/**
 * Public account routes get a low throttle: they are where password guessing would happen. The
 * throttle is shared by every caller, so it protects the back end; one client is held back by the
 * web ACL's per-IP limits (infra/lib/edge.ts) and by the login lockout.
 */
function authRoute<const Id extends ApiRouteId>(
  id: Id,
  file: string,
  resources: Resource[],
  throttle: Throttle = { rate: 10, burst: 50 },
) {
  return publicRoute(id, `auth/${file}`, resources, throttle);
}

/** A route anyone may call, without a token; each has its own throttle. */
function publicRoute<const Id extends ApiRouteId>(
  id: Id,
  file: string,
  resources: Resource[],
  throttle: Throttle,
) {
  return {
    ...apiRoute(id),
    entry: `functions/matching/${file}`,
    public: true,
    roles: [],
    resources,
    throttle,
  } as const;
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
  return <const Id extends ApiRouteId>(id: Id, file: string, resources: Resource[], throttle?: Throttle) =>
    ({
      ...apiRoute(id),
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
/** The national team only: the whole sector's settings; a regional team gets 403 (see region.ts). */
function national<const Id extends ApiRouteId>(id: Id, file: string, resources: Resource[]) {
  return { ...admin(id, file, resources), nationalOnly: true } as const;
}
const anyone = forRoles(['admin', 'school', 'service']);
const schoolOrService = forRoles(['school', 'service']);

/**
 * The single list of API routes: each entry of the contract (`#contract/api`: method, path, input
 * and answer schemas) with its handler file, roles, permissions and throttle. The CDK app creates
 * one API Gateway route per entry, served by the function of its permission set
 * (function-groups.ts); the local server serves exactly the same table through the same dispatch.
 */
export const routes = [
  publicRoute('health', 'health.ts', ['table:read'], { rate: 20, burst: 40 }),
  // Built from this table once per container; public, like the API's shape itself.
  publicRoute('openapi', 'openapi.ts', [], { rate: 20, burst: 40 }),
  // Settings only (HELPLINE_*), set on its function by the stack; the help page asks before login too.
  publicRoute('help', 'help.ts', [], { rate: 20, burst: 40 }),
  authRoute('login', 'login.ts', ['table:write', 'users:login'], LOGIN_THROTTLE),
  authRoute('refresh', 'refresh.ts', ['table:write', 'users:login'], REFRESH_THROTTLE),
  authRoute('logout', 'logout.ts', ['table:write']),
  authRoute('activate', 'activate.ts', ['table:write', 'users:admin', 'users:login']),
  authRoute('resend-activation', 'resend-activation.ts', ['table:write', 'mail:send']),
  authRoute('forgot-password', 'forgot-password.ts', ['table:write', 'mail:send']),
  authRoute('reset-password', 'reset-password.ts', ['table:write', 'users:admin', 'users:login']),
  anyone('me', 'me.ts', ['table:read']),
  // Checks the current password like a login does, so it shares the login throttle.
  anyone(
    'me-password',
    'account/change-password.ts',
    // Checks the current password and signs in with the new one through the web app client.
    ['table:write', 'users:admin', 'users:login'],
    {
      rate: 10,
      burst: 50,
    },
  ),
  anyone('me-preferences', 'school-year/preferences.ts', ['table:write']),
  anyone('school-year-get', 'school-year/get.ts', ['table:read']),
  publicRoute('calendar-ics', 'school-year/calendar-ics.ts', ['table:read'], { rate: 20, burst: 40 }),
  national('rounds-create', 'school-year/rounds-create.ts', ['table:write']),
  national('rounds-update', 'school-year/rounds-update.ts', ['table:write']),
  national('rounds-delete', 'school-year/rounds-delete.ts', ['table:write']),
  national('rounds-remind', 'school-year/rounds-remind.ts', ['table:write']),
  national('mail-failures', 'school-year/mail-failures.ts', ['table:read']),
  // The life cycle of school years: preparing the next, archiving, retention (the registry of years).
  national('school-years-list', 'school-years/list.ts', ['table:read']),
  national('school-years-create', 'school-years/create.ts', ['table:read', 'years:write']),
  national('school-years-get', 'school-years/get.ts', ['table:read']),
  national('school-years-update', 'school-years/update.ts', ['table:read', 'years:write']),
  national('school-years-rounds-create', 'school-years/rounds-create.ts', ['table:read', 'years:write']),
  national('school-years-rounds-update', 'school-years/rounds-update.ts', ['table:read', 'years:write']),
  national('school-years-rounds-delete', 'school-years/rounds-delete.ts', ['table:read', 'years:write']),
  national('school-years-organisations', 'school-years/organisations.ts', ['table:read', 'years:write']),
  admin('organisations-list', 'organisations/list.ts', ['table:read']),
  admin('organisations-create', 'organisations/create.ts', ['table:write']),
  admin('organisations-get', 'organisations/get.ts', ['table:read']),
  admin('organisations-update', 'organisations/update.ts', ['table:write']),
  admin('members-list', 'organisations/members-list.ts', ['table:read']),
  admin('members-invite', 'organisations/members-invite.ts', ['table:write', 'mail:send']),
  // Corrects a person's address after a bounce, or confirms it works again (lifts its suppression).
  admin('members-update', 'organisations/members-update.ts', ['table:write']),
  admin('members-deactivate', 'organisations/members-deactivate.ts', ['table:write', 'users:admin']),
  school('supervisors-list', 'supervisors/list.ts', ['table:read']),
  school('supervisors-create', 'supervisors/create.ts', ['table:write']),
  school('supervisors-update', 'supervisors/update.ts', ['table:write']),
  school('supervisors-delete', 'supervisors/delete.ts', ['table:write']),
  school('students-list', 'students/list.ts', ['table:read']),
  // Create and update open what they sealed (the response shows the number) and the blind-index key.
  school('students-create', 'students/create.ts', ['table:write', 'pii:encrypt', 'pii:decrypt']),
  // A sheet of students: checked like the form (a dry run), then entered; the same permissions as entering one.
  school('students-import', 'students/import.ts', ['table:write', 'pii:encrypt', 'pii:decrypt']),
  school('students-import-template', 'students/import-template.ts', ['table:read']),
  school('students-get', 'students/get.ts', ['table:read', 'pii:decrypt']),
  school('students-update', 'students/update.ts', ['table:write', 'pii:encrypt', 'pii:decrypt']),
  school('students-delete', 'students/delete.ts', ['table:write']),
  school('students-stop', 'students/stop.ts', ['table:write']),
  school('students-resume', 'students/resume.ts', ['table:write']),
  forRoles(['admin', 'school'])('services-list', 'services/list.ts', ['table:read']),
  service('contacts-list', 'contacts/list.ts', ['table:read']),
  service('contacts-create', 'contacts/create.ts', ['table:write']),
  service('contacts-update', 'contacts/update.ts', ['table:write']),
  service('contacts-delete', 'contacts/delete.ts', ['table:write']),
  national('notices-list', 'notices/list.ts', ['table:read']),
  national('notices-handled', 'notices/handled.ts', ['table:write']),
  anyone('tracks-list', 'tracks/list.ts', ['table:read']),
  national('tracks-phase', 'tracks/set-phase.ts', ['table:write']),
  // The services' list, detail and decision (hot-path-routes.ts).
  ...hotPathRoutes,
  service('requests-release-request', 'requests/release-request.ts', ['table:write']),
  // After the match: hours, evaluations, remote supervision, completion, the dual yearly report.
  schoolOrService('trajectory-get', 'trajectory/get.ts', ['table:read']),
  schoolOrService('trajectory-hours', 'trajectory/hours.ts', ['table:write']),
  schoolOrService('trajectory-evaluate', 'trajectory/evaluate.ts', ['table:write']),
  service('trajectory-remote', 'trajectory/remote-supervision.ts', ['table:write']),
  service('trajectory-contract', 'trajectory/training-contract.ts', ['table:write']),
  school('trajectory-complete', 'trajectory/complete.ts', ['table:write']),
  national('trajectory-counts', 'trajectory/counts.ts', ['table:read']),
  service('dual-report', 'trajectory/dual-report.ts', ['table:read']),
  // Services that register themselves, and the admin's answer.
  publicRoute('registrations-create', 'registrations/create.ts', ['table:write', 'mail:send'], {
    rate: 5,
    burst: 20,
  }),
  national('registrations-list', 'registrations/list.ts', ['table:read']),
  national('registrations-approve', 'registrations/approve.ts', ['table:write', 'mail:send']),
  national('registrations-reject', 'registrations/reject.ts', ['table:write', 'mail:send']),
  // Taking over the management of a service.
  schoolOrService('takeovers-services', 'takeovers/services.ts', ['table:read']),
  schoolOrService('takeovers-create', 'takeovers/create.ts', ['table:write', 'mail:send']),
  anyone('takeovers-list', 'takeovers/list.ts', ['table:read']),
  // An escalated takeover is the national team's answer (a regional team gets 403; services as before).
  {
    ...forRoles(['admin', 'service'])('takeovers-approve', 'takeovers/approve.ts', [
      'table:write',
      'mail:send',
    ]),
    nationalOnly: true,
  },
  {
    ...forRoles(['admin', 'service'])('takeovers-reject', 'takeovers/reject.ts', [
      'table:write',
      'mail:send',
    ]),
    nationalOnly: true,
  },
  anyone('exports-start', 'exports/start.ts', ['table:write', 'exports:start'], {
    rate: 20,
    burst: 40,
  }),
  anyone('exports-get', 'exports/get.ts', ['table:read', 'exports:read']),
  admin('admin-students-list', 'admin/students-list.ts', ['table:read']),
  admin('admin-students-get', 'admin/students-get.ts', ['table:read']),
  admin('admin-students-reveal', 'admin/students-reveal.ts', ['table:write', 'pii:decrypt']),
  admin('admin-students-release', 'admin/students-release.ts', ['table:write']),
  admin('admin-release-decline', 'admin/release-decline.ts', ['table:write']),
  admin('admin-dashboard', 'admin/dashboard.ts', ['table:read']),
  // The health panel: the tick's heartbeat, the outbox, the last day's mail problems, running jobs.
  national('admin-health', 'admin/health.ts', ['table:read']),
  national('admin-dashboard-recount', 'admin/recount.ts', ['table:write']),
  admin('admin-audit', 'admin/audit.ts', ['table:read']),
  // A dry run reads; a commit stores the file in the table and starts the background function
  // (202), which is the export function: `exports:start` and `table:write` are exactly the set of
  // `exports-start`, so the route shares that function and no new one is deployed.
  national('admin-imports', 'admin/import.ts', ['table:write', 'exports:start']),
  national('admin-import-job', 'admin/import-job.ts', ['table:read']),
  national('admin-import-resume', 'admin/import-resume.ts', ['table:write', 'exports:start']),
  admin('admin-mailings', 'admin/mailings.ts', ['table:write']),
  admin('admin-mailing-report', 'admin/mailing-report.ts', ['table:read']),
  admin('admin-imports-template', 'admin/import-template.ts', []),
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
