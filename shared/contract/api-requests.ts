import { type ApiRouteDef, route } from './api-route';
import { DecisionInput, RequestDetail, RequestPage, RequestPath, RequestQuery } from './requests';

/**
 * The services' list, detail and decision, the 12:00 hot path: kept apart from the rest of the
 * table (`./api` joins them in), so that the hot path's function builds only these schemas at a
 * cold start (`#http/hot-path-routes`).
 */
export const requestsApiRoutes = [
  route('requests-list', 'GET', '/api/requests', { query: RequestQuery }, { 200: RequestPage }),
  route(
    'requests-get',
    'GET',
    '/api/requests/{studentId}',
    { path: RequestPath },
    { 200: RequestDetail },
    [404],
  ),
  route(
    'requests-decide',
    'PUT',
    '/api/requests/{studentId}/decision',
    { path: RequestPath, body: DecisionInput },
    { 200: RequestDetail },
    [404, 409, 422],
  ),
] as const satisfies readonly ApiRouteDef[];
