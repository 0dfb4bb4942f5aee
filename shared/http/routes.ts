import type { Resource, RouteDef } from './route-types';

/** Public account routes get a low throttle: they are where password guessing would happen. */
function authRoute<Id extends string>(id: Id, path: string, file: string, resources: Resource[]) {
  return [
    {
      id,
      method: 'POST',
      path,
      entry: `functions/matching/auth/${file}`,
      public: true,
      roles: [],
      resources,
      throttle: { rate: 10, burst: 50 },
    },
  ] as const;
}

function school<Id extends string, M extends RouteDef['method']>(
  id: Id,
  method: M,
  path: string,
  file: string,
  resources: Resource[],
) {
  return {
    id,
    method,
    path,
    entry: `functions/matching/${file}`,
    public: false,
    roles: ['school'],
    resources,
  } as const;
}

/** Service routes; the list and the decision take the round-opening rush, hence their own throttle. */
function service<Id extends string, M extends RouteDef['method']>(
  id: Id,
  method: M,
  path: string,
  file: string,
  resources: Resource[],
  throttle?: { rate: number; burst: number },
) {
  return {
    id,
    method,
    path,
    entry: `functions/matching/${file}`,
    public: false,
    roles: ['service'],
    resources,
    ...(throttle ? { throttle } : {}),
  } as const;
}

function admin<Id extends string, M extends RouteDef['method']>(
  id: Id,
  method: M,
  path: string,
  file: string,
  resources: Resource[],
) {
  return {
    id,
    method,
    path,
    entry: `functions/matching/organisations/${file}`,
    public: false,
    roles: ['admin'],
    resources,
  } as const;
}

/**
 * The single list of API routes. The CDK app creates one Lambda and one API Gateway route per
 * entry; the local server serves exactly the same table by invoking the same handlers.
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
  ...authRoute('login', '/api/auth/login', 'login.ts', ['table:write']),
  ...authRoute('refresh', '/api/auth/refresh', 'refresh.ts', ['table:write']),
  ...authRoute('logout', '/api/auth/logout', 'logout.ts', ['table:write']),
  ...authRoute('activate', '/api/auth/activate', 'activate.ts', ['table:write', 'users:admin']),
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
  ]),
  {
    id: 'me',
    method: 'GET',
    path: '/api/me',
    entry: 'functions/matching/me.ts',
    public: false,
    roles: ['admin', 'school', 'service'],
    resources: ['table:read'],
  },
  admin('organisations-list', 'GET', '/api/organisations', 'list.ts', ['table:read']),
  admin('organisations-create', 'POST', '/api/organisations', 'create.ts', ['table:write']),
  admin('organisations-get', 'GET', '/api/organisations/{id}', 'get.ts', ['table:read']),
  admin('organisations-update', 'PATCH', '/api/organisations/{id}', 'update.ts', ['table:write']),
  admin('members-list', 'GET', '/api/organisations/{id}/members', 'members-list.ts', ['table:read']),
  admin('members-invite', 'POST', '/api/organisations/{id}/members', 'members-invite.ts', [
    'table:write',
    'mail:send',
  ]),
  admin(
    'members-deactivate',
    'DELETE',
    '/api/organisations/{id}/members/{memberId}',
    'members-deactivate.ts',
    ['table:write', 'users:admin'],
  ),
  school('supervisors-list', 'GET', '/api/supervisors', 'supervisors/list.ts', ['table:read']),
  school('supervisors-create', 'POST', '/api/supervisors', 'supervisors/create.ts', ['table:write']),
  school('supervisors-update', 'PUT', '/api/supervisors/{id}', 'supervisors/update.ts', ['table:write']),
  school('supervisors-delete', 'DELETE', '/api/supervisors/{id}', 'supervisors/delete.ts', ['table:write']),
  school('students-list', 'GET', '/api/students', 'students/list.ts', ['table:read']),
  school('students-create', 'POST', '/api/students', 'students/create.ts', ['table:write', 'pii:encrypt']),
  school('students-get', 'GET', '/api/students/{id}', 'students/get.ts', ['table:read', 'pii:decrypt']),
  school('students-update', 'PUT', '/api/students/{id}', 'students/update.ts', [
    'table:write',
    'pii:encrypt',
  ]),
  school('students-delete', 'DELETE', '/api/students/{id}', 'students/delete.ts', ['table:write']),
  school('students-stop', 'POST', '/api/students/{id}/stop', 'students/stop.ts', ['table:write']),
  {
    id: 'services-list',
    method: 'GET',
    path: '/api/services',
    entry: 'functions/matching/services/list.ts',
    public: false,
    roles: ['admin', 'school'],
    resources: ['table:read'],
  },
  service('contacts-list', 'GET', '/api/contacts', 'contacts/list.ts', ['table:read']),
  service('contacts-create', 'POST', '/api/contacts', 'contacts/create.ts', ['table:write']),
  service('contacts-update', 'PUT', '/api/contacts/{id}', 'contacts/update.ts', ['table:write']),
  service('contacts-delete', 'DELETE', '/api/contacts/{id}', 'contacts/delete.ts', ['table:write']),
  {
    id: 'tracks-list',
    method: 'GET',
    path: '/api/tracks',
    entry: 'functions/matching/tracks/list.ts',
    public: false,
    roles: ['admin', 'school', 'service'],
    resources: ['table:read'],
  },
  {
    id: 'tracks-phase',
    method: 'PUT',
    path: '/api/tracks/{track}/phase',
    entry: 'functions/matching/tracks/set-phase.ts',
    public: false,
    roles: ['admin'],
    resources: ['table:write'],
  },
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
] as const satisfies readonly RouteDef[];

export type RouteId = (typeof routes)[number]['id'];
export type RouteById<Id extends RouteId> = Extract<(typeof routes)[number], { id: Id }>;

export function routeById<Id extends RouteId>(id: Id): RouteById<Id> {
  const route = routes.find((r) => r.id === id);
  if (!route) throw new Error(`Unknown route ${id}`);
  return route as RouteById<Id>;
}
