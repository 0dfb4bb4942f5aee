import type { RouteDef } from './route-types';

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
  {
    id: 'me',
    method: 'GET',
    path: '/api/me',
    entry: 'functions/matching/me.ts',
    public: false,
    roles: ['admin', 'school', 'service'],
    resources: ['table:read'],
  },
] as const satisfies readonly RouteDef[];

export type RouteId = (typeof routes)[number]['id'];
export type RouteById<Id extends RouteId> = Extract<(typeof routes)[number], { id: Id }>;

export function routeById<Id extends RouteId>(id: Id): RouteById<Id> {
  const route = routes.find((r) => r.id === id);
  if (!route) throw new Error(`Unknown route ${id}`);
  return route as RouteById<Id>;
}
