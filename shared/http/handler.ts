import { type Handler, type HandlerOptions, handlerFor } from './handler-core';
import { type RouteById, type RouteId, routeById } from './routes';

export * from './handler-core';

/**
 * The one wrapper every API Lambda uses: logging, identity, validation and the error model. The
 * route (`routes.ts`, from the contract) names the input schemas and the answers.
 */
export function defineHandler<Id extends RouteId>(
  routeId: Id,
  fn: Handler<RouteById<Id>>,
  options: HandlerOptions = {},
) {
  return handlerFor(routeById(routeId), fn, options);
}
