import type {
  ZodOpenApiOperationObject,
  ZodOpenApiPathsObject,
  ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { createDocument } from 'zod-openapi';
import { isEmptyAnswer, isFileAnswer, type SuccessStatus } from '#contract/api-route';
import { ErrorBody, GatewayError } from '#contract/errors';
import * as z from '#kernel/zod';
import type { RouteDef } from './route-types';
import { type RouteId, routes } from './routes';

/** One line per operation, for people reading the document. */
const SUMMARIES: Record<RouteId, string> = {
  health: 'Liveness: healthy when the database answers',
  openapi: 'This API as an OpenAPI 3.1 document',
  help: "The helpline's address, phone and hours (settings of the deployment)",
  login: 'Log in: an access token and the session cookie',
  refresh: 'A fresh access token for the session cookie',
  logout: 'End the session of the cookie',
  activate: 'Activate an invited account with a password',
  'resend-activation': 'Mail a new activation link',
  'forgot-password': 'Mail a password reset link',
  'reset-password': 'Choose a new password with a reset link',
  me: 'Who is logged in, for which organisation, in which school year',
  'me-password': 'Change the password; other sessions end',
  'me-preferences': 'Reminder mails on or off',
  'school-year-get': 'The school year: blackout, rounds and their state',
  'calendar-ics': 'The rounds as an iCalendar feed',
  'rounds-create': 'Add a round to the calendar',
  'rounds-update': 'Change a round',
  'rounds-delete': 'Remove a round',
  'rounds-remind': 'Send the round reminders now',
  'mail-failures': 'Round mails given up on, and the bounces and complaints SES reported',
  'organisations-list': 'Schools and services',
  'organisations-create': 'Create a school or a service',
  'organisations-get': 'One organisation',
  'organisations-update': 'Change an organisation',
  'members-list': 'The people of an organisation',
  'members-invite': 'Invite a person',
  'members-update': "Correct an invited person's address, or confirm it works again (lifts its suppression)",
  'members-deactivate': 'Deactivate a person',
  'supervisors-list': "The school's internship supervisors",
  'supervisors-create': 'Add a supervisor',
  'supervisors-update': 'Change a supervisor',
  'supervisors-delete': 'Remove a supervisor no student names',
  'students-list': "The school's students",
  'students-create': 'Enter a student with an internship request',
  'students-import': 'Check a spreadsheet of students (dry run), or enter its valid rows (commit)',
  'students-import-template': "The school's spreadsheet template, with an example row (XLSX or CSV)",
  'school-years-list': 'The school years with their status and retention date',
  'school-years-create': "Prepare the next school year: its calendar proposed from this year's",
  'school-years-get': "A school year's calendar with warnings, and who takes part",
  'school-years-update': 'Set the retention date, or archive the year',
  'school-years-rounds-create': "Add a round to a prepared year's calendar",
  'school-years-rounds-update': "Change a round of a prepared year's calendar",
  'school-years-rounds-delete': "Remove a round from a prepared year's calendar",
  'school-years-organisations': 'Which organisations take part in the prepared year',
  'students-get': 'A student of the school, whole',
  'students-update': "Change a student's request",
  'students-delete': 'Remove a student entered by mistake',
  'students-stop': 'Mark a student as stopped',
  'students-resume': 'Undo a stop',
  'services-list': 'Active services, for the preferred-service choice',
  'contacts-list': "The service's contact persons and their room",
  'contacts-create': 'Add a contact person',
  'contacts-update': 'Change a contact person',
  'contacts-delete': 'Remove a contact person no acceptance names',
  'notices-list': "The admin's notices",
  'notices-handled': 'Mark a notice handled',
  'tracks-list': "Each track's scopes and their phase now",
  'tracks-phase': "Override a track's phase, or hand it back",
  'requests-list': "A page of the service's list of students",
  'requests-get': 'A student as the service may see them',
  'requests-decide': "The service's decision on a student",
  'requests-release-request': 'Ask the sector to release a placement',
  'trajectory-get': 'Hours, evaluations and completion',
  'trajectory-hours': 'Record hours',
  'trajectory-evaluate': 'Record an evaluation',
  'trajectory-remote': 'Remote supervision on or off',
  'trajectory-contract': "A dual learner's contract dates",
  'trajectory-complete': 'Mark the internship completed',
  'trajectory-counts': 'How many evaluations there are',
  'dual-report': "The service's yearly report on its dual learners",
  'registrations-create': 'A service registers itself',
  'registrations-list': 'Registrations of services',
  'registrations-approve': 'Approve a registration',
  'registrations-reject': 'Reject a registration',
  'takeovers-services': 'Services one may ask to take over',
  'takeovers-create': 'Ask to take over the management of a service',
  'takeovers-list': 'Takeover requests I made, got or must decide',
  'takeovers-approve': 'Approve a takeover',
  'takeovers-reject': 'Reject a takeover',
  'exports-start': 'Start an export of a list (CSV or XLSX)',
  'exports-get': "An export's progress and, once ready, its link",
  'admin-students-list': 'Every student of every school',
  'admin-students-get': 'One student, personal data masked',
  'admin-students-reveal': "Show a student's personal data",
  'admin-students-release': 'Release a placement: the student is back without a place',
  'admin-release-decline': "Decline a service's request to release a placement",
  'admin-dashboard': 'Placement figures and nudges',
  'admin-health':
    "The admin's health panel: last tick, outbox backlog, the last day's mail problems, running jobs",
  'admin-dashboard-recount': 'Recount the figures',
  'admin-audit': 'The audit log, newest first',
  'admin-imports': 'Import schools or services from a spreadsheet',
  'admin-import-job': 'Where an import in the background stands; every row once it stopped',
  'admin-import-resume': 'Continue an interrupted import where it stopped',
  'admin-mailings': 'Preview or send a mail to a group',
  'admin-mailing-report':
    'How far a mailing is: queued, sent, failed and bounced, with the addresses it did not reach',
  'admin-imports-template': 'The spreadsheet to fill in',
};

const REFUSALS: Record<number, string> = {
  400: 'Bad input: `details` lists every wrong field with its place and a Dutch reason (VALIDATION_FAILED)',
  401: 'Not logged in, or the token ran out (UNAUTHENTICATED, or API Gateway: Unauthorized)',
  403: 'Not allowed for this person, role or organisation (FORBIDDEN)',
  404: 'No such object, or not one this caller may see (NOT_FOUND)',
  409: 'In conflict with the current state, e.g. taken by someone else meanwhile (CONFLICT)',
  410: 'The link was used or ran out (GONE)',
  413: 'The request is too large (API Gateway)',
  415: 'The body is not JSON (UNSUPPORTED_MEDIA_TYPE)',
  422: 'Against a rule of the product, with the reason (BUSINESS_RULE)',
  429: 'Too many requests for the route (API Gateway), or a login locked after failed attempts (ACCOUNT_LOCKED)',
  500: 'Something went wrong on our side; `details.requestId` names it (INTERNAL)',
  503: 'A part of the system does not answer (SERVICE_UNAVAILABLE)',
};

/**
 * Every error status a route may answer: those its kind implies (400 with input; 413 and 415 with
 * a body; 401 and 403 behind the login; 429 from the route's throttle; 500 anywhere) and those the
 * contract lists for it.
 */
export function refusalsOf(route: RouteDef): number[] {
  const implied = [
    ...(Object.keys(route.input).length > 0 ? [400] : []),
    ...(route.input.body ? [413, 415] : []),
    ...(route.public ? [] : [401, 403]),
    429,
    500,
  ];
  return [...new Set([...implied, ...route.refusals])].sort((a, b) => a - b);
}

/** The body of a refusal: ours (`ErrorBody`), or API Gateway's where it refuses before the handler. */
export function refusalSchema(route: RouteDef, status: number): z.ZodType {
  const ours = (route.refusals as readonly number[]).includes(status);
  if (status === 413) return GatewayError;
  if (status === 401 && !route.public) return z.union([ErrorBody, GatewayError]);
  if (status === 429) return ours ? z.union([ErrorBody, GatewayError]) : GatewayError;
  return ErrorBody;
}

function answersOf(route: RouteDef): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, answer] of Object.entries(route.answers)) {
    const code = status as `${SuccessStatus}`;
    if (isEmptyAnswer(answer)) responses[code] = { description: 'Done; no body' };
    else if (isFileAnswer(answer))
      responses[code] = { description: 'A file', content: { [answer.file]: { schema: z.string() } } };
    else if (answer)
      responses[code] = { description: 'OK', content: { 'application/json': { schema: answer } } };
  }
  for (const status of refusalsOf(route)) {
    responses[`${status}` as `${4 | 5}${string}`] = {
      description: REFUSALS[status] ?? 'Refused',
      content: { 'application/json': { schema: refusalSchema(route, status) } },
    };
  }
  return responses;
}

function operationOf(route: RouteDef): ZodOpenApiOperationObject {
  const { path, query, body } = route.input;
  return {
    operationId: route.id,
    summary: SUMMARIES[route.id as RouteId],
    // The handler's folder: students, requests, admin … (top-level handlers are general).
    tags: [route.entry.split('/').length > 3 ? route.entry.split('/')[2]! : 'general'],
    ...(route.public ? { security: [] } : { description: `For: ${route.roles.join(', ')}.` }),
    requestParams: {
      ...(path ? { path: path as z.ZodObject } : {}),
      ...(query ? { query: query as z.ZodObject } : {}),
    },
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    responses: answersOf(route),
  };
}

/**
 * The API as an OpenAPI 3.1 document, built from the route table: every route with its parameters,
 * body, answers and refusals, and the bearer token it needs unless it is public.
 */
export function openApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes as readonly RouteDef[]) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationOf(route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Stagematching gezinszorg',
      version: '1.0.0',
      description:
        'The API of the central placement system for care students at home-care services. ' +
        'Log in with `POST /api/auth/login` and send the access token as `Authorization: Bearer …`; ' +
        'a person of several organisations names the one they act for in `x-organisation`.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    security: [{ bearer: [] }],
    paths,
  });
}
