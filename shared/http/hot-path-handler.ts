import { type Handler, type HandlerOptions, handlerFor } from './handler-core';
import { type HotPathRouteById, type HotPathRouteId, hotPathRoute } from './hot-path-routes';

/**
 * `defineHandler` for the routes of the 12:00 hot path: the same wrapper, the route looked up among
 * the hot path's own routes, so that its function does not build every route's schemas at a cold
 * start (about 28 KB and 30 ms of CPU, docs/performance.md).
 */
export function defineHandler<Id extends HotPathRouteId>(
  routeId: Id,
  fn: Handler<HotPathRouteById<Id>>,
  options: HandlerOptions = {},
) {
  return handlerFor(hotPathRoute(routeId), fn, options);
}
