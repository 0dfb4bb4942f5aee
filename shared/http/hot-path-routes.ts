import { requestsApiRoutes } from '#contract/api-requests';
import type { Resource, RouteDef } from './route-types';

type RequestsApiRoute = (typeof requestsApiRoutes)[number];

/** As `forRoles(['service'])` in routes.ts, over the requests' part of the contract only. */
function service<const Id extends RequestsApiRoute['id']>(
  id: Id,
  file: string,
  resources: Resource[],
  throttle?: { rate: number; burst: number },
) {
  return {
    ...(requestsApiRoutes.find((r) => r.id === id) as Extract<RequestsApiRoute, { id: Id }>),
    entry: `functions/matching/${file}`,
    public: false,
    roles: ['service'] as const,
    resources,
    ...(throttle ? { throttle } : {}),
  } as const;
}

/**
 * The routes of the 12:00 hot path, part of the route table (`./routes` joins them in) but
 * importable without it: their function then builds only the requests' schemas at a cold start,
 * not the table's (docs/performance.md). The list and the decision take the round-opening rush,
 * hence their own throttle.
 */
export const hotPathRoutes = [
  service('requests-list', 'requests/list.ts', ['table:read'], { rate: 500, burst: 1000 }),
  service('requests-get', 'requests/get.ts', ['table:read', 'pii:decrypt']),
  service('requests-decide', 'requests/decide.ts', ['table:write', 'pii:decrypt'], {
    rate: 500,
    burst: 1000,
  }),
] as const satisfies readonly RouteDef[];

export type HotPathRouteId = (typeof hotPathRoutes)[number]['id'];
export type HotPathRouteById<Id extends HotPathRouteId> = Extract<(typeof hotPathRoutes)[number], { id: Id }>;

export function hotPathRoute<Id extends HotPathRouteId>(id: Id): HotPathRouteById<Id> {
  const route = hotPathRoutes.find((r) => r.id === id);
  if (!route) throw new Error(`Unknown hot path route ${id}`);
  return route as HotPathRouteById<Id>;
}
